-- Statistics summary kept on write, and a guard against overlapping reference versions.
--
-- enrollments.enrollment_statistics holds one row per (month of the enrollment's start, country,
-- consulate, programme, age band, sex) with two counts: enrollments (by the enrollee's CURP) and
-- family health members covered (by each member's CURP). Age band and sex come from the CURP
-- itself (positions 5-10 with the century from position 17, and position 11): no person data is
-- copied. Row triggers on enrollments and family_health_members keep it exact in the writing
-- transaction, so an analyst's query reads only the summary (a few thousand rows, not one per
-- person). enrollments.rebuild_statistics() recomputes it from scratch (run once below).

CREATE OR REPLACE FUNCTION enrollments.curp_birth_date(curp text) RETURNS date
LANGUAGE sql IMMUTABLE STRICT AS $$
  SELECT make_date(
    (CASE WHEN substr(curp, 17, 1) ~ '^[0-9]$' THEN 1900 ELSE 2000 END) + substr(curp, 5, 2)::int,
    substr(curp, 7, 2)::int,
    substr(curp, 9, 2)::int)
$$;
--> statement-breakpoint
-- The bands of the family health fees: 0-19, then by decade, 80+.
CREATE OR REPLACE FUNCTION enrollments.age_band(curp text, on_date date) RETURNS text
LANGUAGE sql IMMUTABLE STRICT AS $$
  SELECT CASE
    WHEN a < 20 THEN '0-19' WHEN a < 30 THEN '20-29' WHEN a < 40 THEN '30-39' WHEN a < 50 THEN '40-49'
    WHEN a < 60 THEN '50-59' WHEN a < 70 THEN '60-69' WHEN a < 80 THEN '70-79' ELSE '80+' END
  FROM (SELECT date_part('year', age(on_date, enrollments.curp_birth_date(curp)))::int AS a) AS years
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION enrollments.bump_statistics(
  p_start date, p_country text, p_consulate text, p_program text, p_curp text, p_enrollments int, p_members int
) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  k_month date := date_trunc('month', p_start)::date;
  k_consulate text := coalesce(p_consulate, '');
  k_band text := enrollments.age_band(p_curp, p_start);
  k_sex text := substr(p_curp, 11, 1);
BEGIN
  -- A removal updates the row its addition created (an upsert would check -1 against the
  -- non-negative constraint before finding the row).
  IF p_enrollments < 0 OR p_members < 0 THEN
    UPDATE enrollments.enrollment_statistics s
      SET enrollments = s.enrollments + p_enrollments, members_covered = s.members_covered + p_members
      WHERE s.month = k_month AND s.country = p_country AND s.consulate_id = k_consulate
        AND s.program = p_program AND s.age_band = k_band AND s.sex = k_sex;
    RETURN;
  END IF;
  INSERT INTO enrollments.enrollment_statistics AS s
    (month, country, consulate_id, program, age_band, sex, enrollments, members_covered)
  VALUES (k_month, p_country, k_consulate, p_program, k_band, k_sex, p_enrollments, p_members)
  ON CONFLICT (month, country, consulate_id, program, age_band, sex) DO UPDATE
    SET enrollments = s.enrollments + excluded.enrollments,
        members_covered = s.members_covered + excluded.members_covered;
END;
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION enrollments.count_enrollment() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND (OLD.curp, OLD.kind, OLD.start_date, OLD.country, OLD.consulate_id)
      IS NOT DISTINCT FROM (NEW.curp, NEW.kind, NEW.start_date, NEW.country, NEW.consulate_id) THEN
    RETURN NULL;
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    PERFORM enrollments.bump_statistics(OLD.start_date, OLD.country, OLD.consulate_id, OLD.kind, OLD.curp, -1, 0);
    -- Members are counted under their enrollment's month, country and consulate: move them too.
    PERFORM enrollments.bump_statistics(OLD.start_date, OLD.country, OLD.consulate_id, 'FAMILY_HEALTH', m.curp, 0, -1)
      FROM enrollments.family_health_members m WHERE TG_OP = 'UPDATE' AND m.enrollment_id = OLD.id;
  END IF;
  IF TG_OP IN ('UPDATE', 'INSERT') THEN
    PERFORM enrollments.bump_statistics(NEW.start_date, NEW.country, NEW.consulate_id, NEW.kind, NEW.curp, 1, 0);
    PERFORM enrollments.bump_statistics(NEW.start_date, NEW.country, NEW.consulate_id, 'FAMILY_HEALTH', m.curp, 0, 1)
      FROM enrollments.family_health_members m WHERE TG_OP = 'UPDATE' AND m.enrollment_id = NEW.id;
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER enrollments_statistics AFTER INSERT OR DELETE OR UPDATE OF curp, kind, start_date, country, consulate_id
  ON enrollments.enrollments FOR EACH ROW EXECUTE FUNCTION enrollments.count_enrollment();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION enrollments.count_family_member() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    PERFORM enrollments.bump_statistics(e.start_date, e.country, e.consulate_id, 'FAMILY_HEALTH', OLD.curp, 0, -1)
      FROM enrollments.enrollments e WHERE e.id = OLD.enrollment_id;
  END IF;
  IF TG_OP IN ('UPDATE', 'INSERT') THEN
    PERFORM enrollments.bump_statistics(e.start_date, e.country, e.consulate_id, 'FAMILY_HEALTH', NEW.curp, 0, 1)
      FROM enrollments.enrollments e WHERE e.id = NEW.enrollment_id;
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER family_health_members_statistics AFTER INSERT OR DELETE OR UPDATE OF curp, enrollment_id
  ON enrollments.family_health_members FOR EACH ROW EXECUTE FUNCTION enrollments.count_family_member();
--> statement-breakpoint
-- Recomputes the summary from the enrollments and members (repair, or after a bulk load).
CREATE OR REPLACE FUNCTION enrollments.rebuild_statistics() RETURNS void LANGUAGE sql AS $$
  DELETE FROM enrollments.enrollment_statistics;
  INSERT INTO enrollments.enrollment_statistics (month, country, consulate_id, program, age_band, sex, enrollments, members_covered)
  SELECT month, country, consulate_id, program, age_band, sex, sum(enrollments)::int, sum(members)::int
  FROM (
    SELECT date_trunc('month', e.start_date)::date AS month, e.country, coalesce(e.consulate_id, '') AS consulate_id, e.kind AS program,
      enrollments.age_band(e.curp, e.start_date) AS age_band, substr(e.curp, 11, 1) AS sex, 1 AS enrollments, 0 AS members
    FROM enrollments.enrollments e
    UNION ALL
    SELECT date_trunc('month', e.start_date)::date, e.country, coalesce(e.consulate_id, ''), 'FAMILY_HEALTH',
      enrollments.age_band(m.curp, e.start_date), substr(m.curp, 11, 1), 0, 1
    FROM enrollments.family_health_members m JOIN enrollments.enrollments e ON e.id = m.enrollment_id
  ) AS facts
  GROUP BY month, country, consulate_id, program, age_band, sex;
$$;
--> statement-breakpoint
SELECT enrollments.rebuild_statistics();
--> statement-breakpoint
-- Two versions of one reference table may not share a day: the value in force would be ambiguous.
CREATE OR REPLACE FUNCTION enrollments.reject_overlapping_reference_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- Serialise writers of the same table, so two concurrent inserts cannot both pass the check.
  PERFORM pg_advisory_xact_lock(hashtextextended('enrollments.reference_versions:' || NEW.table_name, 0));
  IF EXISTS (
    SELECT 1 FROM enrollments.reference_versions v
    WHERE v.table_name = NEW.table_name AND v.id <> NEW.id
      AND daterange(v.valid_from, v.valid_to, '[]') && daterange(NEW.valid_from, NEW.valid_to, '[]')
  ) THEN
    RAISE EXCEPTION 'reference table % already has a version in force between % and %', NEW.table_name, NEW.valid_from, coalesce(NEW.valid_to::text, 'open')
      USING ERRCODE = 'exclusion_violation';
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER reference_versions_no_overlap BEFORE INSERT OR UPDATE OF table_name, valid_from, valid_to
  ON enrollments.reference_versions FOR EACH ROW EXECUTE FUNCTION enrollments.reject_overlapping_reference_version();

/**
 * The statistics summary of the rows the scale seed loads, counted as they are made and added to
 * enrollments.enrollment_statistics in one upsert — what the row triggers of migration 0012 would
 * have added one row at a time (month of the start, country, consulate or '', programme, and the
 * age band on the start date and sex read from the CURP; family health members under their
 * enrollment's month, country and consulate, by their own band and sex). The seed's test checks
 * the result against enrollments.rebuild_statistics(), the recount from scratch.
 */
import type postgres from 'postgres';
import { AGE_BANDS } from '../schema/enrollments.ts';
import { curpBirthDate } from '../../schema/scalars/identifiers/curp.ts';
import { ageOn } from '../../subgraphs/shared/dates.ts';

/** AGE_BANDS: 0-19, then one per decade, 80+. */
function ageBand(curp: string, onDate: string): string {
  const age = ageOn(curpBirthDate(curp), onDate);
  return AGE_BANDS[Math.min(AGE_BANDS.length - 1, Math.max(0, Math.floor(age / 10) - 1))]!;
}

interface Cell {
  month: string;
  country: string;
  consulate_id: string;
  program: string;
  age_band: string;
  sex: string;
  enrollments: number;
  members_covered: number;
}

export interface StatisticsTally {
  enrollment(row: { curp: string; kind: string; startDate: string; country: string; consulateId: string | null }): void;
  member(enrollment: { startDate: string; country: string; consulateId: string | null }, memberCurp: string): void;
  /** Adds the tally to the summary (in the load's transaction). */
  addTo(sql: postgres.TransactionSql): Promise<void>;
}

export function statisticsTally(): StatisticsTally {
  const cells = new Map<string, Cell>();
  const bump = (startDate: string, country: string, consulateId: string | null, program: string, curp: string, enrollments: number, members: number) => {
    const month = `${startDate.slice(0, 7)}-01`;
    const consulate = consulateId ?? '';
    const band = ageBand(curp, startDate);
    const sex = curp[10]!;
    const key = `${month}|${country}|${consulate}|${program}|${band}|${sex}`;
    let cell = cells.get(key);
    if (!cell) cells.set(key, (cell = { month, country, consulate_id: consulate, program, age_band: band, sex, enrollments: 0, members_covered: 0 }));
    cell.enrollments += enrollments;
    cell.members_covered += members;
  };
  return {
    enrollment: (row) => bump(row.startDate, row.country, row.consulateId, row.kind, row.curp, 1, 0),
    member: (enrollment, memberCurp) => bump(enrollment.startDate, enrollment.country, enrollment.consulateId, 'FAMILY_HEALTH', memberCurp, 0, 1),
    async addTo(sql) {
      const rows = [...cells.values()];
      for (let i = 0; i < rows.length; i += 20_000) {
        await sql`
          insert into enrollments.enrollment_statistics as s (month, country, consulate_id, program, age_band, sex, enrollments, members_covered)
          select month, country, consulate_id, program, age_band, sex, enrollments, members_covered
          from jsonb_to_recordset(${JSON.stringify(rows.slice(i, i + 20_000))}::jsonb)
            as x(month date, country text, consulate_id text, program text, age_band text, sex text, enrollments int, members_covered int)
          on conflict (month, country, consulate_id, program, age_band, sex) do update
            set enrollments = s.enrollments + excluded.enrollments, members_covered = s.members_covered + excluded.members_covered`;
      }
    },
  };
}

-- What happened to a person's biometrics stays on record, and crypto-shredding is final, even
-- for a caller who bypasses the subgraph: triggers (which a REVOKE alone would not give against a
-- superuser) reject
-- - any DELETE of consents, template records, verification attempts, lockouts and employer
--   identity verifications, and any UPDATE of the last three (append-only);
-- - changing a template record's identity, metadata or ciphertext (only its key wrapping may
--   change, for key rotation, and its lifecycle: deactivated, replaced, shredded — once each);
-- - restoring a destroyed data key, or reactivating a replaced or shredded template;
-- - changing a consent other than revoking it once.
CREATE OR REPLACE FUNCTION biometrics.reject_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'biometrics.% rows are never %d', TG_TABLE_NAME, lower(TG_OP) USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION biometrics.template_record_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF (NEW.id, NEW.curp, NEW.modality, NEW.finger_position, NEW.quality, NEW.device, NEW.office, NEW.captured_by_role,
      NEW.captured_by_subject, NEW.consent_id, NEW.format, NEW.seal_version, NEW.ciphertext, NEW.iv, NEW.auth_tag, NEW.captured_at)
     IS DISTINCT FROM
     (OLD.id, OLD.curp, OLD.modality, OLD.finger_position, OLD.quality, OLD.device, OLD.office, OLD.captured_by_role,
      OLD.captured_by_subject, OLD.consent_id, OLD.format, OLD.seal_version, OLD.ciphertext, OLD.iv, OLD.auth_tag, OLD.captured_at) THEN
    RAISE EXCEPTION 'a biometric template record''s content and binding never change' USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF OLD.wrapped_key IS NULL AND (NEW.wrapped_key, NEW.wrap_iv, NEW.wrap_tag, NEW.master_key_id, NEW.shredded_at)
     IS DISTINCT FROM (OLD.wrapped_key, OLD.wrap_iv, OLD.wrap_tag, OLD.master_key_id, OLD.shredded_at) THEN
    RAISE EXCEPTION 'a crypto-shredded biometric template stays shredded' USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF (NOT OLD.active AND NEW.active)
     OR (OLD.replaced_at IS NOT NULL AND (NEW.replaced_at, NEW.replaced_by) IS DISTINCT FROM (OLD.replaced_at, OLD.replaced_by)) THEN
    RAISE EXCEPTION 'a replaced or deactivated biometric template is never reactivated' USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION biometrics.consent_record_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.revoked_at IS NOT NULL
     OR (NEW.id, NEW.curp, NEW.purpose, NEW.granted_at, NEW.office, NEW.officer_role, NEW.officer_subject)
        IS DISTINCT FROM (OLD.id, OLD.curp, OLD.purpose, OLD.granted_at, OLD.office, OLD.officer_role, OLD.officer_subject) THEN
    RAISE EXCEPTION 'a biometric consent is only ever revoked, once' USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER template_records_lifecycle BEFORE UPDATE ON biometrics.template_records
  FOR EACH ROW EXECUTE FUNCTION biometrics.template_record_change();
--> statement-breakpoint
CREATE TRIGGER consent_records_revoke_only BEFORE UPDATE ON biometrics.consent_records
  FOR EACH ROW EXECUTE FUNCTION biometrics.consent_record_change();
--> statement-breakpoint
CREATE TRIGGER template_records_kept BEFORE DELETE ON biometrics.template_records
  FOR EACH ROW EXECUTE FUNCTION biometrics.reject_change();
--> statement-breakpoint
CREATE TRIGGER consent_records_kept BEFORE DELETE ON biometrics.consent_records
  FOR EACH ROW EXECUTE FUNCTION biometrics.reject_change();
--> statement-breakpoint
CREATE TRIGGER verification_attempts_append_only BEFORE UPDATE OR DELETE ON biometrics.verification_attempts
  FOR EACH ROW EXECUTE FUNCTION biometrics.reject_change();
--> statement-breakpoint
CREATE TRIGGER verification_lockouts_append_only BEFORE UPDATE OR DELETE ON biometrics.verification_lockouts
  FOR EACH ROW EXECUTE FUNCTION biometrics.reject_change();
--> statement-breakpoint
CREATE TRIGGER employer_identity_verifications_append_only BEFORE UPDATE OR DELETE ON biometrics.employer_identity_verifications
  FOR EACH ROW EXECUTE FUNCTION biometrics.reject_change();

-- Schema 2: the journal keeps a digest of each value beside it, and the entry's digest covers
-- those value digests. Erasing values (RGPD) then keeps the proof: `check` still compares a row
-- with the digest of its last entry. The upgrade hook verifies the schema 1 chain, recomputes
-- digests and chain, journals `meta` and the ledger's reference data as plain rows, and puts
-- back the triggers (sql/002_triggers.sql).
ALTER TABLE audit ADD COLUMN before_digest TEXT;
ALTER TABLE audit ADD COLUMN after_digest TEXT;
DROP TRIGGER IF EXISTS audit_no_rewrite;

-- The journal after schema 2: nothing but the values may change, and they only to be erased,
-- never for users and roles (nor the erasure records themselves).
CREATE TRIGGER audit_no_rewrite
BEFORE UPDATE OF id, at, actor, tbl, row_id, op, digest, chain, before_digest, after_digest ON audit
BEGIN SELECT RAISE(ABORT, 'audit is append-only'); END;
CREATE TRIGGER audit_erase_only
BEFORE UPDATE OF before, after, erased ON audit
WHEN NOT (NEW.erased = 1 AND NEW.before IS NULL AND NEW.after IS NULL)
     OR OLD.tbl IN ('users', 'memberships', 'audit')
BEGIN SELECT RAISE(ABORT, 'audit values may only be erased'); END;

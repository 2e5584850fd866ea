-- The audit log: every view and change of a case file, who did it, in which role and region, and when.
-- Only IDs are stored (no names, no content), so the log outlives the anonymisation of the case itself.
CREATE TABLE audit_log (
    id            BIGSERIAL    PRIMARY KEY,
    at            TIMESTAMPTZ  NOT NULL,
    user_id       VARCHAR(200),                -- NULL: nobody signed in (public form, process engine)
    roles         VARCHAR(200) NOT NULL,       -- the actor's roles at that moment, e.g. 'COORDINATOR'
    regions       VARCHAR(2000) NOT NULL,      -- the actor's regions at that moment, e.g. 'PO-2605,VO-2601'
    action        VARCHAR(16)  NOT NULL,
    subject_type  VARCHAR(32)  NOT NULL,
    subject_id    VARCHAR(64)  NOT NULL,
    region_code   VARCHAR(32)
);
CREATE INDEX audit_log_at ON audit_log (at DESC, id DESC);
CREATE INDEX audit_log_subject ON audit_log (subject_id);
CREATE INDEX audit_log_user ON audit_log (user_id, at DESC);

-- Append-only, enforced by the database. The application connects as the owner of its tables (Flyway
-- creates them under that role), and an owner keeps every privilege on its own table whatever is revoked:
-- REVOKE UPDATE, DELETE alone would not bind it. A trigger does: any UPDATE, DELETE or TRUNCATE fails,
-- whoever sends it. Undoing that takes DDL (DROP TRIGGER / DISABLE TRIGGER), which the application never
-- issues; production can go further by letting Flyway run as a separate owner and the app as a role that
-- has only SELECT and INSERT here.
CREATE FUNCTION audit_log_append_only() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    RAISE EXCEPTION 'audit_log is append-only: % refused', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER audit_log_no_update_or_delete
    BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();

CREATE TRIGGER audit_log_no_truncate
    BEFORE TRUNCATE ON audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();

REVOKE UPDATE, DELETE, TRUNCATE ON audit_log FROM PUBLIC;

-- PostgreSQL dialect of sqlite/010_audited_rows.sql, plus what team mode needs (issue 14).
-- Every release, checklist item and sign-off row names the audit entry that recorded it (audit_seq, written in the same transaction as the row), so `audit verify` finds a row that no
-- entry explains: an edit behind the cockpit's back, or a log emptied or cut short. Rows written
-- before this migration are tied to the newest entry that recorded them.
--
-- Team mode: every row a login can write is bound to that login by the database itself, psql
-- included. Three rules, checked by the server:
-- 1. Row-level security on every table a login may write (checklist_phases, audit_head,
--    soak_recordings and probe_results had none).
-- 2. Guards on state changes (BEFORE UPDATE triggers): a release's version, manager and creation
--    are fixed and its state moves only along the lifecycle's edges; a rollback's request is fixed,
--    it is approved only by a second person in their own name while it waits, and its state moves
--    only forward. Columns no cockpit ever changes are not granted for UPDATE at all.
-- 3. Every write is audited by its author in the same transaction: a deferred constraint trigger
--    checks at COMMIT that this transaction appended an audit entry for the row's release in the
--    writing login's name (for releases, items and sign-offs: the very entry audit_seq names).
--    A raw UPDATE in psql without its entry is refused; with one, it is on the record in the
--    writer's own name.

ALTER TABLE releases ADD COLUMN audit_seq BIGINT;
ALTER TABLE checklist_items ADD COLUMN audit_seq BIGINT;
ALTER TABLE signoffs ADD COLUMN audit_seq BIGINT;
UPDATE releases SET audit_seq = (SELECT MAX(a.seq) FROM audit_log a WHERE a.release = releases.version
    AND a.action IN ('release.create', 'release.state', 'release.deploy'));

-- An item no tick ever recorded is explained by its release's creation (it must still be open).
UPDATE checklist_items SET audit_seq = COALESCE(
    (SELECT MAX(a.seq) FROM audit_log a JOIN releases r ON a.release = r.version
        WHERE r.id = checklist_items.release_id AND a.action LIKE 'item.%' AND a.subject = checklist_items.key),
    (SELECT MIN(a.seq) FROM audit_log a JOIN releases r ON a.release = r.version
        WHERE r.id = checklist_items.release_id AND a.action = 'release.create'));

-- A sign-off's entry carries its time, role and signer.
UPDATE signoffs SET audit_seq = (SELECT MAX(a.seq) FROM audit_log a JOIN releases r ON a.release = r.version
    WHERE r.id = signoffs.release_id AND a.action = 'signoff.' || signoffs.decision
        AND a.subject = signoffs.role AND a.actor = signoffs.signer AND a.at = signoffs.signed_at);

-- 1. Row-level security everywhere a login writes.
REVOKE UPDATE ON checklist_phases FROM cockpit_user;  -- phases are appended, never edited
ALTER TABLE checklist_phases ENABLE ROW LEVEL SECURITY;
CREATE POLICY phases_read ON checklist_phases FOR SELECT USING (true);
CREATE POLICY phases_append ON checklist_phases FOR INSERT WITH CHECK (true);  -- audited (3.)

-- The head may only ever name the log's newest entry: bumping it cannot fake a tamper alarm.
CREATE FUNCTION cockpit_is_log_tail(s BIGINT, h TEXT) RETURNS boolean LANGUAGE sql STABLE AS $$
    SELECT s = (SELECT MAX(seq) FROM audit_log) AND EXISTS (SELECT 1 FROM audit_log WHERE seq = s AND hash = h)
$$;
ALTER TABLE audit_head ENABLE ROW LEVEL SECURITY;
CREATE POLICY audit_head_read ON audit_head FOR SELECT USING (true);
CREATE POLICY audit_head_start ON audit_head FOR INSERT WITH CHECK (cockpit_is_log_tail(seq, hash));
CREATE POLICY audit_head_move ON audit_head FOR UPDATE USING (true) WITH CHECK (cockpit_is_log_tail(seq, hash));

-- Machine-written results carry the login that recorded them, stamped by the server.
ALTER TABLE soak_recordings ADD COLUMN recorded_by TEXT NOT NULL DEFAULT '';
ALTER TABLE probe_results ADD COLUMN recorded_by TEXT NOT NULL DEFAULT '';
CREATE FUNCTION cockpit_stamp_recorder() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.recorded_by := current_user;
    RETURN NEW;
END
$$;
CREATE TRIGGER soak_recordings_stamp BEFORE INSERT OR UPDATE ON soak_recordings
    FOR EACH ROW EXECUTE FUNCTION cockpit_stamp_recorder();
CREATE TRIGGER probe_results_stamp BEFORE INSERT ON probe_results
    FOR EACH ROW EXECUTE FUNCTION cockpit_stamp_recorder();
ALTER TABLE soak_recordings ENABLE ROW LEVEL SECURITY;
CREATE POLICY soak_read ON soak_recordings FOR SELECT USING (true);
CREATE POLICY soak_record ON soak_recordings FOR INSERT WITH CHECK (recorded_by = current_user);
CREATE POLICY soak_rerecord ON soak_recordings FOR UPDATE USING (true) WITH CHECK (recorded_by = current_user);
ALTER TABLE probe_results ENABLE ROW LEVEL SECURITY;
CREATE POLICY probes_read ON probe_results FOR SELECT USING (true);
CREATE POLICY probes_record ON probe_results FOR INSERT WITH CHECK (recorded_by = current_user);

-- 2. Guards. Only the columns a cockpit changes are granted for UPDATE.
REVOKE UPDATE ON releases, rollbacks FROM cockpit_user;
GRANT UPDATE (type, commit_sha, commit_pinned, branch, state, target_date, row_version, audit_seq)
    ON releases TO cockpit_user;
GRANT UPDATE (state, approved_by, approved_at, finished_at, note) ON rollbacks TO cockpit_user;

-- The lifecycle's edges, permissively: forward one step, approved back to candidate or frozen,
-- soaking back to deploying (the next environment), a deployment recording soaking from any
-- earlier live state, and aborted or rolled back from any live state (rolled back also after
-- released; a rolled-back release deployed again once its lock is lifted, which the cockpit
-- checks). Which of these a person may take is the policy's, checked by the cockpit.
CREATE FUNCTION cockpit_release_step_allowed(from_state TEXT, to_state TEXT) RETURNS boolean
    LANGUAGE sql IMMUTABLE AS $$
    SELECT from_state = to_state
        OR (from_state, to_state) IN (VALUES ('draft', 'frozen'), ('frozen', 'candidate'),
            ('candidate', 'approved'), ('approved', 'deploying'), ('deploying', 'soaking'),
            ('soaking', 'released'), ('approved', 'candidate'), ('approved', 'frozen'),
            ('soaking', 'deploying'), ('released', 'rolled_back'), ('rolled_back', 'soaking'))
        OR (from_state IN ('draft', 'frozen', 'candidate', 'approved', 'deploying', 'soaking')
            AND to_state IN ('aborted', 'rolled_back', 'soaking'))
$$;

CREATE FUNCTION cockpit_guard_release() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF (NEW.id, NEW.version, NEW.manager, NEW.created_at)
        IS DISTINCT FROM (OLD.id, OLD.version, OLD.manager, OLD.created_at) THEN
        RAISE EXCEPTION USING ERRCODE = '42501',
            MESSAGE = format('release %s: its version, manager and creation are fixed', OLD.version);
    END IF;
    IF NOT cockpit_release_step_allowed(OLD.state, NEW.state) THEN
        RAISE EXCEPTION USING ERRCODE = '42501',
            MESSAGE = format('release %s cannot go from %s to %s', OLD.version, OLD.state, NEW.state);
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER releases_guard BEFORE UPDATE ON releases
    FOR EACH ROW EXECUTE FUNCTION cockpit_guard_release();

CREATE FUNCTION cockpit_guard_rollback() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        -- A plan that wants a second person starts waiting for them, unapproved.
        IF NEW.approved_by <> '' OR (COALESCE((NEW.plan_json::jsonb ->> 'two_person')::boolean, false)
                AND NEW.state <> 'awaiting_approval') THEN
            RAISE EXCEPTION USING ERRCODE = '42501',
                MESSAGE = format('rollback of %s: a plan that wants a second person starts waiting for '
                                 'their approval', NEW.version);
        END IF;
        RETURN NEW;
    END IF;
    IF (NEW.id, NEW.release_id, NEW.version, NEW.environment, NEW.target_version, NEW.reason,
            NEW.trigger_name, NEW.plan_json, NEW.requested_by, NEW.requested_at)
        IS DISTINCT FROM (OLD.id, OLD.release_id, OLD.version, OLD.environment, OLD.target_version,
            OLD.reason, OLD.trigger_name, OLD.plan_json, OLD.requested_by, OLD.requested_at) THEN
        RAISE EXCEPTION USING ERRCODE = '42501',
            MESSAGE = format('rollback #%s: what was asked, by whom and when is fixed', OLD.id);
    END IF;
    IF (NEW.approved_by, NEW.approved_at) IS DISTINCT FROM (OLD.approved_by, OLD.approved_at) THEN
        IF OLD.approved_by <> '' OR OLD.state <> 'awaiting_approval' OR NEW.state <> 'running'
            OR NEW.approved_by <> current_user OR lower(current_user) = lower(OLD.requested_by) THEN
            RAISE EXCEPTION USING ERRCODE = '42501',
                MESSAGE = format('rollback #%s of %s: only a second person approves it, in their own '
                                 'name, while it waits for approval (%s asked; %s is %s)',
                    OLD.id, OLD.version, OLD.requested_by, current_user, OLD.state);
        END IF;
    ELSIF NEW.state <> OLD.state AND NOT (
        (OLD.state = 'awaiting_approval' AND NEW.state = 'aborted')
        OR (OLD.state IN ('running', 'halted') AND NEW.state IN ('running', 'halted', 'succeeded', 'aborted'))) THEN
        RAISE EXCEPTION USING ERRCODE = '42501',
            MESSAGE = format('rollback #%s of %s cannot go from %s to %s', OLD.id, OLD.version, OLD.state, NEW.state);
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER rollbacks_guard BEFORE INSERT OR UPDATE ON rollbacks
    FOR EACH ROW EXECUTE FUNCTION cockpit_guard_rollback();

-- 3. Audited by its author in the same transaction, checked at COMMIT. The entry must be this
-- transaction's own (xmin; the cockpit uses no savepoints), in the writing login's name and for
-- the row's release; where the row names its entry (audit_seq), that very one.
CREATE FUNCTION cockpit_require_audit() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    rw  JSONB := to_jsonb(NEW);
    want BIGINT := (rw ->> 'audit_seq')::BIGINT;
    rel TEXT;
BEGIN
    rel := CASE
        WHEN TG_TABLE_NAME IN ('releases', 'rollbacks', 'deploy_locks') THEN rw ->> 'version'
        WHEN rw ? 'release_version' THEN rw ->> 'release_version'  -- soak, probe and gate results
        WHEN TG_TABLE_NAME = 'rollback_steps'
            THEN (SELECT version FROM rollbacks WHERE id = (rw ->> 'rollback_id')::BIGINT)
        ELSE (SELECT version FROM releases WHERE id = (rw ->> 'release_id')::BIGINT)
    END;
    IF TG_TABLE_NAME IN ('releases', 'checklist_items', 'signoffs') AND want IS NULL THEN
        RAISE EXCEPTION USING ERRCODE = '42501',
            MESSAGE = format('%s of release %s: written without naming its audit entry (audit_seq)',
                TG_TABLE_NAME, rel);
    END IF;
    IF NOT EXISTS (SELECT 1 FROM audit_log a WHERE a.xmin = pg_current_xact_id()::xid
            AND a.actor = current_user AND a.release = rel AND (want IS NULL OR a.seq = want)) THEN
        RAISE EXCEPTION USING ERRCODE = '42501',
            MESSAGE = format('%s of release %s: changed by %s without an audit entry of theirs in the '
                             'same transaction%s', TG_TABLE_NAME, rel, current_user,
                CASE WHEN want IS NULL THEN '' ELSE format(' (entry %s)', want) END);
    END IF;
    RETURN NULL;
END
$$;

CREATE CONSTRAINT TRIGGER releases_audited AFTER INSERT OR UPDATE ON releases
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION cockpit_require_audit();
CREATE CONSTRAINT TRIGGER checklist_phases_audited AFTER INSERT ON checklist_phases
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION cockpit_require_audit();
CREATE CONSTRAINT TRIGGER checklist_items_audited AFTER INSERT OR UPDATE ON checklist_items
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION cockpit_require_audit();
CREATE CONSTRAINT TRIGGER signoffs_audited AFTER INSERT ON signoffs
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION cockpit_require_audit();
CREATE CONSTRAINT TRIGGER deployments_audited AFTER INSERT ON deployments
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION cockpit_require_audit();
CREATE CONSTRAINT TRIGGER soak_recordings_audited AFTER INSERT OR UPDATE ON soak_recordings
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION cockpit_require_audit();
CREATE CONSTRAINT TRIGGER probe_results_audited AFTER INSERT ON probe_results
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION cockpit_require_audit();
CREATE CONSTRAINT TRIGGER rollbacks_audited AFTER INSERT OR UPDATE ON rollbacks
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION cockpit_require_audit();
CREATE CONSTRAINT TRIGGER rollback_steps_audited AFTER INSERT OR UPDATE ON rollback_steps
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION cockpit_require_audit();
CREATE CONSTRAINT TRIGGER deploy_locks_audited AFTER INSERT OR UPDATE ON deploy_locks
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION cockpit_require_audit();

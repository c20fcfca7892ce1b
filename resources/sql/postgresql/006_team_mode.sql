-- Team mode: every committed change is announced on channel 'cockpit' as
-- {"table": ..., "release": VERSION, "key": ...}, so every open cockpit refreshes just what
-- changed (an item, a release, a sign-off, an audit entry). NOTIFY is delivered at COMMIT and
-- never for a rolled-back transaction. Payloads stay small (pg_notify refuses > 8000 bytes).

CREATE FUNCTION cockpit_notify(tbl TEXT, rel TEXT, k TEXT) RETURNS void LANGUAGE sql AS $$
    SELECT pg_notify('cockpit', json_build_object('table', tbl, 'release', rel, 'key', k)::text)
$$;

CREATE FUNCTION cockpit_notify_release() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM cockpit_notify('releases', NEW.version, NEW.row_version::text);
    RETURN NULL;
END
$$;

-- Items are inserted open with their release (the release's own notice covers those).
CREATE FUNCTION cockpit_notify_item() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE' OR NEW.who <> '' THEN
        PERFORM cockpit_notify('checklist_items',
            (SELECT version FROM releases WHERE id = NEW.release_id), NEW.key);
    END IF;
    RETURN NULL;
END
$$;

CREATE FUNCTION cockpit_notify_audit() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM cockpit_notify('audit_log', NEW.release, NEW.seq::text);
    RETURN NULL;
END
$$;

CREATE FUNCTION cockpit_notify_signoff() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM cockpit_notify('signoffs',
        (SELECT version FROM releases WHERE id = NEW.release_id), NEW.role);
    RETURN NULL;
END
$$;

-- A new soak verdict changes what the release's header shows: announced as the release.
CREATE FUNCTION cockpit_notify_soak() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM cockpit_notify('soak_recordings', NEW.release_version, NEW.environment);
    RETURN NULL;
END
$$;

CREATE TRIGGER releases_notify AFTER INSERT OR UPDATE ON releases
    FOR EACH ROW EXECUTE FUNCTION cockpit_notify_release();
CREATE TRIGGER checklist_items_notify AFTER INSERT OR UPDATE ON checklist_items
    FOR EACH ROW EXECUTE FUNCTION cockpit_notify_item();
CREATE TRIGGER audit_log_notify AFTER INSERT ON audit_log
    FOR EACH ROW EXECUTE FUNCTION cockpit_notify_audit();
CREATE TRIGGER signoffs_notify AFTER INSERT ON signoffs
    FOR EACH ROW EXECUTE FUNCTION cockpit_notify_signoff();
CREATE TRIGGER soak_recordings_notify AFTER INSERT OR UPDATE ON soak_recordings
    FOR EACH ROW EXECUTE FUNCTION cockpit_notify_soak();

-- Team mode: an item's and an audit entry's notice carries the changed row, so every other
-- cockpit announces it without reading it back (a round trip per change). The notice keeps its
-- 006 shape {"table", "release", "key"} and adds "row". pg_notify refuses a payload of 8000 bytes
-- or more, so a row that does not fit (a long note or evidence) is announced as before, without
-- "row", and read back by the receiver.

CREATE FUNCTION cockpit_notify_row(tbl TEXT, rel TEXT, k TEXT, rw JSON) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
    payload TEXT := json_build_object('table', tbl, 'release', rel, 'key', k, 'row', rw)::text;
BEGIN
    IF octet_length(payload) < 8000 THEN
        PERFORM pg_notify('cockpit', payload);
    ELSE
        PERFORM cockpit_notify(tbl, rel, k);
    END IF;
END
$$;

CREATE OR REPLACE FUNCTION cockpit_notify_item() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE' OR NEW.who <> '' THEN
        PERFORM cockpit_notify_row('checklist_items',
            (SELECT version FROM releases WHERE id = NEW.release_id), NEW.key,
            json_build_object('state', NEW.state, 'who', NEW.who, 'at', NEW.at, 'note', NEW.note,
                'na_reason', NEW.na_reason, 'evidence', NEW.evidence, 'row_version', NEW.row_version));
    END IF;
    RETURN NULL;
END
$$;

CREATE OR REPLACE FUNCTION cockpit_notify_audit() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM cockpit_notify_row('audit_log', NEW.release, NEW.seq::text,
        json_build_object('at', NEW.at, 'actor', NEW.actor, 'action', NEW.action,
            'subject', NEW.subject, 'before_json', NEW.before_json, 'after_json', NEW.after_json,
            'prev_hash', NEW.prev_hash, 'hash', NEW.hash));
    RETURN NULL;
END
$$;

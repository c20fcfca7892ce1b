-- Issue 14: every release, checklist item and sign-off row names the audit entry that recorded it
-- (audit_seq, written in the same transaction as the row), so `audit verify` finds a row that no
-- entry explains: an edit behind the cockpit's back, or a log emptied or cut short. Rows written
-- before this migration are tied to the newest entry that recorded them.

ALTER TABLE releases ADD COLUMN audit_seq INTEGER;
ALTER TABLE checklist_items ADD COLUMN audit_seq INTEGER;
ALTER TABLE signoffs ADD COLUMN audit_seq INTEGER;

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

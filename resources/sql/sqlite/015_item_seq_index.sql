-- Issue 13: readiness after one tick reads only the checklist rows changed since the last read
-- (audit_seq above the highest seen) and first asks whether anything changed at all
-- (MAX(audit_seq), COUNT(*)): both are index lookups on this, not a scan of the release's items.
CREATE INDEX checklist_items_by_seq ON checklist_items (release_id, audit_seq);

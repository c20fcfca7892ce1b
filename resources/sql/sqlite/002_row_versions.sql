-- Optimistic concurrency for team mode (a write names the row_version it read), and the indexes
-- the release list and per-release timeline need.

ALTER TABLE releases ADD COLUMN row_version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE checklist_items ADD COLUMN row_version INTEGER NOT NULL DEFAULT 1;

CREATE INDEX releases_state ON releases(state);
CREATE INDEX audit_log_release ON audit_log(release, seq);

-- PostgreSQL dialect of sqlite/002_row_versions.sql.

ALTER TABLE releases ADD COLUMN row_version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE checklist_items ADD COLUMN row_version INTEGER NOT NULL DEFAULT 1;

CREATE INDEX releases_state ON releases(state);
CREATE INDEX audit_log_release ON audit_log(release, seq);

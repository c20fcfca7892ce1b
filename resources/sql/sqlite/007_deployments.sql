-- Where a release went live and when: `release deployed VERSION --env ENV` starts the soak and
-- the rollback window from deployed_at. One row per deployment; a redeploy is a new row.

CREATE TABLE deployments (
    id          INTEGER PRIMARY KEY,
    release_id  INTEGER NOT NULL REFERENCES releases(id) ON DELETE CASCADE,
    environment TEXT    NOT NULL,
    commit_sha  TEXT    NOT NULL DEFAULT '',
    actor       TEXT    NOT NULL DEFAULT '',
    deployed_at TEXT    NOT NULL
);

CREATE INDEX deployments_release ON deployments(release_id, environment, deployed_at);

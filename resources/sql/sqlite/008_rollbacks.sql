-- Rollbacks (issue 6): the plan as confirmed, each step's state stored before it runs
-- (running, attempt, started_at, runner) and after (final state, exit code, output tail, note),
-- and the deploy locks a finished rollback leaves. Incidents are derived from a rollback, its
-- steps and its audit entries, so they need no table of their own.

CREATE TABLE rollbacks (
    id             INTEGER PRIMARY KEY,
    release_id     INTEGER NOT NULL REFERENCES releases(id),
    version        TEXT    NOT NULL,
    state          TEXT    NOT NULL,
    environment    TEXT    NOT NULL DEFAULT '',
    target_version TEXT    NOT NULL DEFAULT '',
    reason         TEXT    NOT NULL DEFAULT '',
    trigger_name   TEXT    NOT NULL DEFAULT '',
    plan_json      TEXT    NOT NULL,
    requested_by   TEXT    NOT NULL,
    requested_at   TEXT    NOT NULL,
    approved_by    TEXT    NOT NULL DEFAULT '',
    approved_at    TEXT,
    finished_at    TEXT,
    note           TEXT    NOT NULL DEFAULT ''
);

CREATE INDEX rollbacks_release ON rollbacks(version, id);

CREATE TABLE rollback_steps (
    rollback_id INTEGER NOT NULL REFERENCES rollbacks(id),
    idx         INTEGER NOT NULL,
    name        TEXT    NOT NULL,
    state       TEXT    NOT NULL DEFAULT 'pending',
    attempt     INTEGER NOT NULL DEFAULT 0,
    started_at  TEXT,
    finished_at TEXT,
    exit_code   INTEGER,
    output      TEXT    NOT NULL DEFAULT '',
    note        TEXT    NOT NULL DEFAULT '',
    actor       TEXT    NOT NULL DEFAULT '',
    runner      TEXT    NOT NULL DEFAULT '',
    PRIMARY KEY (rollback_id, idx)
);

-- One row per lock; the release is locked while its newest row has no lifted_by.
CREATE TABLE deploy_locks (
    id          INTEGER PRIMARY KEY,
    version     TEXT    NOT NULL,
    rollback_id INTEGER REFERENCES rollbacks(id),
    reason      TEXT    NOT NULL,
    locked_by   TEXT    NOT NULL,
    locked_at   TEXT    NOT NULL,
    lifted_by   TEXT    NOT NULL DEFAULT '',
    lift_reason TEXT    NOT NULL DEFAULT '',
    lifted_at   TEXT
);

CREATE INDEX deploy_locks_version ON deploy_locks(version, id);

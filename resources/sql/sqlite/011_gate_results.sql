-- Gate results (issue 13): every run of a policy gate on a commit. A process gate is stored
-- "running" (with the host:pid running it and its timeout) before it starts and updated with its
-- outcome after, so a cockpit killed mid-gate leaves a row the next reader shows as interrupted.
-- Rows are kept (history); readers take the newest per release and gate name.

CREATE TABLE gate_results (
    id              INTEGER PRIMARY KEY,
    release_version TEXT    NOT NULL,
    name            TEXT    NOT NULL,
    kind            TEXT    NOT NULL DEFAULT '',
    status          TEXT    NOT NULL,
    exit_code       INTEGER NOT NULL DEFAULT -1,
    duration_ms     BIGINT  NOT NULL DEFAULT 0,
    output_tail     TEXT    NOT NULL DEFAULT '',
    commit_sha      TEXT    NOT NULL DEFAULT '',
    ran_by          TEXT    NOT NULL DEFAULT '',
    ran_at          TEXT,
    note            TEXT    NOT NULL DEFAULT '',
    runner          TEXT    NOT NULL DEFAULT '',
    timeout_ms      BIGINT  NOT NULL DEFAULT 0
);

CREATE INDEX gate_results_release ON gate_results(release_version, name, id);

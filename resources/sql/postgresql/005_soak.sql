-- PostgreSQL dialect of sqlite/005_soak.sql: soak recordings (one per release and environment,
-- replaced on re-evaluation) and every probe run. Machine-written evidence: no person column, so
-- no row-level security; each write still leaves an audit entry in its author's name.

CREATE TABLE soak_recordings (
    release_version TEXT NOT NULL,
    environment     TEXT NOT NULL,
    verdict         TEXT NOT NULL DEFAULT '',
    recorded_at     TEXT NOT NULL,
    recording_json  TEXT NOT NULL,
    PRIMARY KEY (release_version, environment)
);

CREATE TABLE probe_results (
    seq             BIGINT  NOT NULL PRIMARY KEY,
    release_version TEXT    NOT NULL DEFAULT '',
    environment     TEXT    NOT NULL,
    ok              INTEGER NOT NULL DEFAULT 0,
    probed_at       TEXT    NOT NULL,
    result_json     TEXT    NOT NULL
);

CREATE INDEX probe_results_environment ON probe_results(environment, seq);

GRANT SELECT, INSERT, UPDATE ON soak_recordings TO cockpit_user;
GRANT SELECT, INSERT ON probe_results TO cockpit_user;

-- Soak recordings and probe results: the evidence behind "soak PASS" and "probe PASS".
-- Portable SQL (SQLite and PostgreSQL): text times (UTC RFC 3339 with milliseconds), booleans as
-- INTEGER 0/1, no engine-specific ids (probe results are numbered by the store in its transaction).

-- One recording per release and environment; a re-evaluation replaces it (upsert).
CREATE TABLE soak_recordings (
    release_version TEXT    NOT NULL,
    environment     TEXT    NOT NULL,
    verdict         TEXT    NOT NULL DEFAULT '',
    recorded_at     TEXT    NOT NULL,
    recording_json  TEXT    NOT NULL,
    PRIMARY KEY (release_version, environment)
);

-- Every probe run is kept (the timeline shows them all, the evidence pack the latest).
-- release_version is '' for a probe run without a release.
CREATE TABLE probe_results (
    seq             BIGINT  NOT NULL PRIMARY KEY,
    release_version TEXT    NOT NULL DEFAULT '',
    environment     TEXT    NOT NULL,
    ok              INTEGER NOT NULL DEFAULT 0,
    probed_at       TEXT    NOT NULL,
    result_json     TEXT    NOT NULL
);

CREATE INDEX probe_results_environment ON probe_results(environment, seq);

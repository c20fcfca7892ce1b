-- Issue 18: every soak analysis run is kept. A run is one judgement of one window: the deployment
-- it belongs to, its kind (deployment, recheck, what_if), the window, the digest of the policy
-- that judged it, its verdict and the recording (every measurement with the sample time
-- Prometheus returned). Rows are only ever inserted: nothing overwrites a run. Which run is the
-- release's soak is decided by the reader (models/soak/soak_run.h): decisive marks a run that
-- settles its deployment's soak (a FAIL, or a PASS that is evidence of that deployment).

CREATE TABLE soak_runs (
    id              INTEGER PRIMARY KEY,
    release_version TEXT    NOT NULL,
    environment     TEXT    NOT NULL,
    kind            TEXT    NOT NULL,
    deployment_id   BIGINT,
    window_start    TEXT    NOT NULL DEFAULT '',
    window_end      TEXT    NOT NULL DEFAULT '',
    policy_digest   TEXT    NOT NULL DEFAULT '',
    verdict         TEXT    NOT NULL DEFAULT '',
    decisive        INTEGER NOT NULL DEFAULT 0,
    recorded_at     TEXT    NOT NULL,
    recorded_by     TEXT    NOT NULL DEFAULT '',
    recording_json  TEXT    NOT NULL
);

CREATE INDEX soak_runs_release ON soak_runs(release_version, environment, id);

-- The one recording per release and environment kept so far becomes the soak of the deployment
-- there that it followed (the latest one deployed before it was recorded).
INSERT INTO soak_runs (release_version, environment, kind, deployment_id, verdict, decisive, recorded_at, recording_json)
SELECT s.release_version, s.environment, 'deployment',
    (SELECT MAX(d.id) FROM deployments d JOIN releases r ON r.id = d.release_id
        WHERE r.version = s.release_version AND d.environment = s.environment AND d.deployed_at <= s.recorded_at),
    s.verdict, CASE WHEN LOWER(s.verdict) IN ('pass', 'fail') THEN 1 ELSE 0 END, s.recorded_at, s.recording_json
FROM soak_recordings s ORDER BY s.recorded_at;

DROP TABLE soak_recordings;

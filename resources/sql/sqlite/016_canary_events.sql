-- Issue 15 item 3: a canary's history, one row per event (start, a phase's traffic confirmed,
-- set_traffic failed, a phase's verdict, pause, resume, abort, complete). Rows are only ever
-- inserted: the canary's state is folded from them (models/release/canary.h). seq numbers a
-- release's events 1, 2, 3, ...: two cockpits acting on the same canary at once cannot both
-- append the same step (the second is a Conflict and reads again).

CREATE TABLE canary_events (
    id              INTEGER PRIMARY KEY,
    release_version TEXT    NOT NULL,
    seq             INTEGER NOT NULL,
    kind            TEXT    NOT NULL,
    phase           INTEGER NOT NULL DEFAULT 0,
    percent         INTEGER NOT NULL DEFAULT 0,
    verdict         TEXT    NOT NULL DEFAULT '',
    detail          TEXT    NOT NULL DEFAULT '',
    automatic       INTEGER NOT NULL DEFAULT 0,
    recorded_by     TEXT    NOT NULL,
    recorded_at     TEXT    NOT NULL,
    UNIQUE (release_version, seq)
);

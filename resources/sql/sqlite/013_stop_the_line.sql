-- Stop-the-line (issue 15): `freeze start --reason T` holds every deploy and forward move of the
-- workspace until `freeze end`. One row per stop; at most one holds (ended_at NULL) at a time.
-- release_version is always '' (a stop belongs to no release): it names the audit entry's
-- release for the team-mode audit check, as for every other table.

CREATE TABLE stop_the_line (
    id              INTEGER PRIMARY KEY,
    release_version TEXT NOT NULL DEFAULT '',
    reason          TEXT NOT NULL,
    started_by      TEXT NOT NULL,
    started_at      TEXT NOT NULL,
    ended_by        TEXT NOT NULL DEFAULT '',
    ended_at        TEXT,
    end_reason      TEXT NOT NULL DEFAULT ''
);

CREATE UNIQUE INDEX stop_the_line_one_active ON stop_the_line(release_version) WHERE ended_at IS NULL;

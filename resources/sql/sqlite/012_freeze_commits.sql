-- Issue 13: after the code freeze only fixes land. A release remembers the commit it was frozen
-- on (frozen_commit, empty before the freeze); every commit after it on the release branch that
-- is not a fix blocks the release until someone the policy allows accepts it with a reason.

ALTER TABLE releases ADD COLUMN frozen_commit TEXT NOT NULL DEFAULT '';

CREATE TABLE accepted_commits (
    id              INTEGER PRIMARY KEY,
    release_version TEXT    NOT NULL,
    commit_sha      TEXT    NOT NULL,
    subject         TEXT    NOT NULL DEFAULT '',
    reason          TEXT    NOT NULL,
    accepted_by     TEXT    NOT NULL,
    accepted_at     TEXT    NOT NULL,
    UNIQUE (release_version, commit_sha)
);

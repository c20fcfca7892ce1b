-- Releases, their checklist instances and the hash-chained audit log.
-- Times are UTC RFC 3339 text with milliseconds; hashes are lower-case hex text.

CREATE TABLE releases (
    id            INTEGER PRIMARY KEY,
    version       TEXT    NOT NULL UNIQUE,
    type          TEXT    NOT NULL DEFAULT '',
    commit_sha    TEXT    NOT NULL DEFAULT '',
    commit_pinned INTEGER NOT NULL DEFAULT 0,
    branch        TEXT    NOT NULL DEFAULT '',
    state         TEXT    NOT NULL DEFAULT 'draft',
    target_date   TEXT,
    manager       TEXT    NOT NULL DEFAULT '',
    created_at    TEXT    NOT NULL
);

-- The template Markdown as it was when the release was created: the checklist is re-parsed from
-- this snapshot, so later edits to the workspace templates do not rewrite a running release.
CREATE TABLE checklist_phases (
    release_id INTEGER NOT NULL REFERENCES releases(id) ON DELETE CASCADE,
    position   INTEGER NOT NULL,
    name       TEXT    NOT NULL,
    title      TEXT    NOT NULL DEFAULT '',
    source     TEXT    NOT NULL,
    PRIMARY KEY (release_id, position)
);

CREATE TABLE checklist_items (
    release_id INTEGER NOT NULL REFERENCES releases(id) ON DELETE CASCADE,
    key        TEXT    NOT NULL,
    state      TEXT    NOT NULL DEFAULT 'open',
    who        TEXT    NOT NULL DEFAULT '',
    at         TEXT,
    note       TEXT    NOT NULL DEFAULT '',
    na_reason  TEXT    NOT NULL DEFAULT '',
    evidence   TEXT    NOT NULL DEFAULT '',
    PRIMARY KEY (release_id, key)
);

-- Append-only; seq is the 1-based chain position, hash = sha256(prev_hash || canonical_json).
CREATE TABLE audit_log (
    seq         INTEGER PRIMARY KEY,
    at          TEXT NOT NULL,
    actor       TEXT NOT NULL DEFAULT '',
    action      TEXT NOT NULL,
    release     TEXT NOT NULL DEFAULT '',
    subject     TEXT NOT NULL DEFAULT '',
    before_json TEXT NOT NULL DEFAULT '{}',
    after_json  TEXT NOT NULL DEFAULT '{}',
    prev_hash   TEXT NOT NULL,
    hash        TEXT NOT NULL
);

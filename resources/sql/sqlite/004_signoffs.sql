-- Sign-offs: append-only, one row per decision (approve, reject, withdraw). Each row binds to the
-- digest it approved (docs/signoffs.md); the cockpit evaluates the rows against the current digest.
-- signer is the person id: git email on SQLite, the database login on PostgreSQL (where row-level
-- security makes it impossible to insert a row for somebody else).

CREATE TABLE signoffs (id INTEGER PRIMARY KEY, release_id INTEGER NOT NULL REFERENCES releases(id), role TEXT NOT NULL, signer TEXT NOT NULL, decision TEXT NOT NULL CHECK (decision IN ('approve','reject','withdraw')), reason TEXT NOT NULL DEFAULT '', digest TEXT NOT NULL, signature TEXT NOT NULL DEFAULT '', signed_at TEXT NOT NULL);

CREATE INDEX signoffs_release ON signoffs(release_id, id);

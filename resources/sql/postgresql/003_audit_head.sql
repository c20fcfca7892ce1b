-- PostgreSQL dialect of sqlite/003_audit_head.sql: the chain's head, written in the same
-- transaction as every append.

CREATE TABLE audit_head (
    id   INTEGER PRIMARY KEY CHECK (id = 1),
    seq  BIGINT  NOT NULL,
    hash TEXT    NOT NULL
);

INSERT INTO audit_head (id, seq, hash) SELECT 1, seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1;

GRANT SELECT, INSERT, UPDATE ON audit_head TO cockpit_user;

-- Schema 1: users and audit, circles and people, reference data of the ledger.
-- Every table a person edits carries `version` for optimistic locking.

CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) STRICT;

CREATE TABLE circles (
    id             INTEGER PRIMARY KEY,
    name           TEXT NOT NULL UNIQUE,
    kind           TEXT NOT NULL DEFAULT 'work' CHECK (kind IN ('work', 'coordination')),
    purpose        TEXT NOT NULL DEFAULT '',
    decision_scope TEXT NOT NULL DEFAULT '',
    missions       TEXT NOT NULL DEFAULT '',
    safe_frame     TEXT NOT NULL DEFAULT '',
    created_on     TEXT,
    closed_on      TEXT,
    position       INTEGER NOT NULL DEFAULT 0,
    version        INTEGER NOT NULL DEFAULT 1
) STRICT;
CREATE UNIQUE INDEX one_coordination_circle ON circles(kind) WHERE kind = 'coordination';

CREATE TABLE working_groups (
    id         INTEGER PRIMARY KEY,
    circle_id  INTEGER NOT NULL REFERENCES circles(id),
    name       TEXT NOT NULL,
    purpose    TEXT NOT NULL DEFAULT '',
    created_on TEXT,
    closed_on  TEXT,
    version    INTEGER NOT NULL DEFAULT 1,
    UNIQUE (circle_id, name)
) STRICT;

CREATE TABLE people (
    id                        INTEGER PRIMARY KEY,
    last_name                 TEXT NOT NULL,
    first_name                TEXT NOT NULL DEFAULT '',
    email                     TEXT,
    phone                     TEXT,
    commune                   TEXT NOT NULL DEFAULT '',
    kind                      TEXT NOT NULL DEFAULT 'benevole'
                              CHECK (kind IN ('benevole', 'salarie', 'prestataire', 'elu')),
    confidentiality_signed_on TEXT,
    mission_accepted_on       TEXT,
    notes                     TEXT NOT NULL DEFAULT '',
    left_on                   TEXT,
    version                   INTEGER NOT NULL DEFAULT 1
) STRICT;
CREATE UNIQUE INDEX people_email ON people(email COLLATE NOCASE) WHERE email IS NOT NULL;

CREATE TABLE memberships (
    id        INTEGER PRIMARY KEY,
    person_id INTEGER NOT NULL REFERENCES people(id),
    circle_id INTEGER NOT NULL REFERENCES circles(id),
    role      TEXT NOT NULL CHECK (role IN ('co_referent', 'membre_actif')),
    since     TEXT NOT NULL,
    until     TEXT,
    term_end  TEXT,
    version   INTEGER NOT NULL DEFAULT 1,
    CHECK (until IS NULL OR until >= since)
) STRICT;
CREATE INDEX memberships_circle ON memberships(circle_id, until);
CREATE INDEX memberships_person ON memberships(person_id);

CREATE TABLE work_items (
    id        INTEGER PRIMARY KEY,
    circle_id INTEGER NOT NULL REFERENCES circles(id),
    year      INTEGER NOT NULL,
    status    TEXT NOT NULL CHECK (status IN ('realise', 'en_cours', 'a_venir')),
    on_date   TEXT,
    title     TEXT NOT NULL,
    details   TEXT NOT NULL DEFAULT '',
    figures   TEXT NOT NULL DEFAULT '',
    position  INTEGER NOT NULL DEFAULT 0,
    version   INTEGER NOT NULL DEFAULT 1
) STRICT;
CREATE INDEX work_items_circle_year ON work_items(circle_id, year);

CREATE TABLE decisions (
    id         INTEGER PRIMARY KEY,
    instance   TEXT NOT NULL CHECK (instance IN ('ag', 'cercle_general', 'coordination', 'cercle')),
    circle_id  INTEGER REFERENCES circles(id),
    decided_on TEXT NOT NULL,
    title      TEXT NOT NULL,
    body       TEXT NOT NULL DEFAULT '',
    review_on  TEXT,
    version    INTEGER NOT NULL DEFAULT 1,
    CHECK ((instance = 'cercle') = (circle_id IS NOT NULL))
) STRICT;

CREATE TABLE users (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL UNIQUE,
    role        TEXT NOT NULL CHECK (role IN ('admin', 'tresorerie', 'coordination', 'benevole', 'lecture')),
    person_id   INTEGER REFERENCES people(id),
    preferences TEXT NOT NULL DEFAULT '{}',
    version     INTEGER NOT NULL DEFAULT 1
) STRICT;

-- Append-only journal. `digest` covers the entry's values; `chain` runs over digests only,
-- so personal values can later be erased (RGPD) without breaking the chain.
CREATE TABLE audit (
    id       INTEGER PRIMARY KEY,
    at       TEXT NOT NULL,
    actor    TEXT NOT NULL,
    tbl      TEXT NOT NULL,
    row_id   INTEGER NOT NULL,
    op       TEXT NOT NULL CHECK (op IN ('insert', 'update', 'delete')),
    before   TEXT,
    after    TEXT,
    erased   INTEGER NOT NULL DEFAULT 0,
    digest   TEXT NOT NULL,
    chain    TEXT NOT NULL
) STRICT;
CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
BEGIN SELECT RAISE(ABORT, 'audit is append-only'); END;
-- Only the values may change later, and only to be erased (RGPD).
CREATE TRIGGER audit_no_rewrite BEFORE UPDATE OF id, at, actor, tbl, row_id, op, digest, chain ON audit
BEGIN SELECT RAISE(ABORT, 'audit is append-only'); END;

CREATE TABLE categories (
    id       INTEGER PRIMARY KEY,
    name     TEXT NOT NULL UNIQUE,
    kind     TEXT NOT NULL CHECK (kind IN ('income', 'expense')),
    account  TEXT NOT NULL UNIQUE,
    position INTEGER NOT NULL
) STRICT;

CREATE TABLE projects (
    id       INTEGER PRIMARY KEY,
    name     TEXT NOT NULL UNIQUE,
    position INTEGER NOT NULL
) STRICT;

CREATE TABLE money_accounts (
    id     INTEGER PRIMARY KEY,
    number TEXT NOT NULL UNIQUE,
    name   TEXT NOT NULL
) STRICT;

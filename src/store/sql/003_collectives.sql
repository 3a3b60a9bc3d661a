-- Schema 3: citizen collectives and lists, each tied to a commune by its INSEE code (the
-- communes of France are compiled into the program, not stored), with their statut history.

CREATE TABLE collectives (
    id               INTEGER PRIMARY KEY,
    name             TEXT NOT NULL,
    kind             TEXT NOT NULL CHECK (kind IN ('liste_citoyenne', 'collectif_habitants',
                         'municipalite_participative', 'elus_minoritaires', 'autre')),
    commune          TEXT NOT NULL CHECK (length(commune) = 5),
    status           TEXT NOT NULL CHECK (status IN ('en_reflexion', 'en_route', 'liste_deposee',
                         'elue_majoritaire', 'elue_minoritaire', 'en_sommeil')),
    status_since     TEXT NOT NULL,
    contact          TEXT NOT NULL DEFAULT '',
    email            TEXT,
    phone            TEXT,
    on_map           INTEGER NOT NULL DEFAULT 0 CHECK (on_map IN (0, 1)),
    website          TEXT NOT NULL DEFAULT '',
    notes            TEXT NOT NULL DEFAULT '',
    questionnaire_on TEXT,
    interview_on     TEXT,
    interview_by     TEXT NOT NULL DEFAULT '',
    interview_notes  TEXT NOT NULL DEFAULT '',
    last_contact_on  TEXT,
    version          INTEGER NOT NULL DEFAULT 1,
    UNIQUE (name, commune)
) STRICT;
CREATE INDEX collectives_by_commune ON collectives(commune);

-- Every statut a collective had, from its date: rows are only ever added.
CREATE TABLE collective_statuses (
    id            INTEGER PRIMARY KEY,
    collective_id INTEGER NOT NULL REFERENCES collectives(id),
    status        TEXT NOT NULL,
    since         TEXT NOT NULL,
    by_user       TEXT NOT NULL,
    version       INTEGER NOT NULL DEFAULT 1
) STRICT;
CREATE INDEX collective_statuses_by_collective ON collective_statuses(collective_id, since);

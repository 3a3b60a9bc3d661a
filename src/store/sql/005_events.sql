-- Rencontres (events) and the tasks of their checklists. A date is a day (YYYY-MM-DD) or a
-- month (YYYY-MM); an event without a start is undated in its year.
CREATE TABLE events (
    id                   INTEGER PRIMARY KEY,
    title                TEXT NOT NULL,
    kind                 TEXT NOT NULL CHECK (kind IN ('rencontre_nationale', 'rencontre_locale',
                             'visio_ma', 'seminaire', 'ag', 'cercle_general')),
    year                 INTEGER NOT NULL,
    start_on             TEXT,
    end_on               TEXT,
    hours                TEXT NOT NULL DEFAULT '',
    place                TEXT NOT NULL DEFAULT '',
    commune              TEXT CHECK (commune IS NULL OR length(commune) = 5),
    co_organisers        TEXT NOT NULL DEFAULT '',
    partners             TEXT NOT NULL DEFAULT '',
    description          TEXT NOT NULL DEFAULT '',
    status               TEXT NOT NULL CHECK (status IN ('prevue', 'confirmee', 'realisee',
                             'annulee')),
    participants         INTEGER,
    membres_collectifs   INTEGER,
    elu_es               INTEGER,
    benevoles            INTEGER,
    ateliers             INTEGER,
    personnes_ressources INTEGER,
    version              INTEGER NOT NULL DEFAULT 1
) STRICT;
CREATE INDEX events_by_year ON events(year, start_on);

-- Tasks of an event's checklist; an event's tasks are deleted (and journaled) before it.
CREATE TABLE event_tasks (
    id        INTEGER PRIMARY KEY,
    event_id  INTEGER NOT NULL REFERENCES events(id),
    title     TEXT NOT NULL,
    owner_id  INTEGER REFERENCES people(id),
    due_on    TEXT,
    status    TEXT NOT NULL CHECK (status IN ('a_faire', 'en_cours', 'fait', 'abandonne')),
    done_on   TEXT,
    notes     TEXT NOT NULL DEFAULT '',
    circle    TEXT NOT NULL DEFAULT '',
    position  INTEGER NOT NULL DEFAULT 0,
    version   INTEGER NOT NULL DEFAULT 1
) STRICT;
CREATE INDEX event_tasks_by_event ON event_tasks(event_id, position);
CREATE INDEX event_tasks_by_owner ON event_tasks(owner_id);

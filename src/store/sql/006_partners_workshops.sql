-- Partner organisations, their links to rencontres, and the workshops (ateliers) of a
-- rencontre. A partner's links and an event's links and workshops are deleted (and
-- journaled) before it.
CREATE TABLE partners (
    id               INTEGER PRIMARY KEY,
    name             TEXT NOT NULL,
    kind             TEXT NOT NULL CHECK (kind IN ('co_organisation', 'intervention', 'reseau',
                         'financement', 'media', 'autre')),
    garant_employee  INTEGER REFERENCES people(id),
    garant_coref     INTEGER REFERENCES people(id),
    contact          TEXT NOT NULL DEFAULT '',
    notes            TEXT NOT NULL DEFAULT '',
    version          INTEGER NOT NULL DEFAULT 1
) STRICT;
CREATE INDEX partners_by_name ON partners(name COLLATE NOCASE);
CREATE INDEX partners_by_garant_employee ON partners(garant_employee);
CREATE INDEX partners_by_garant_coref ON partners(garant_coref);

CREATE TABLE event_partners (
    id          INTEGER PRIMARY KEY,
    event_id    INTEGER NOT NULL REFERENCES events(id),
    partner_id  INTEGER NOT NULL REFERENCES partners(id),
    role        TEXT NOT NULL CHECK (role IN ('co_organisateur', 'intervenant')),
    version     INTEGER NOT NULL DEFAULT 1,
    UNIQUE (event_id, partner_id, role)
) STRICT;
-- The UNIQUE constraint's index serves the lookups by event.
CREATE INDEX event_partners_by_partner ON event_partners(partner_id);

CREATE TABLE workshops (
    id            INTEGER PRIMARY KEY,
    event_id      INTEGER NOT NULL REFERENCES events(id),
    title         TEXT NOT NULL,
    slot          TEXT NOT NULL DEFAULT '',
    room          TEXT NOT NULL DEFAULT '',
    facilitators  TEXT NOT NULL DEFAULT '',
    version       INTEGER NOT NULL DEFAULT 1
) STRICT;
CREATE INDEX workshops_by_event ON workshops(event_id);

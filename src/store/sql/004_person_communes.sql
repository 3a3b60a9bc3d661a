-- Schema 4: a person's commune is its INSEE code (or empty), as a collective's. The upgrade
-- hook resolves the communes typed until now; what names no commune or several is kept in
-- `commune_typed` (empty otherwise), awaiting review in the Membres tab, so nothing typed is
-- lost.
ALTER TABLE people ADD COLUMN commune_typed TEXT NOT NULL DEFAULT '';

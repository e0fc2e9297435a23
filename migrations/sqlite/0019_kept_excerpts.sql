-- A card's excerpt kept with its idea (README, "Speed"): a list page made the excerpt of
-- each of its twenty ideas from the whole text, which SQLite wrote into the card's JSON,
-- the server read back and cut down (6.6% of a list page's instructions on the synthetic
-- data, 31% with texts of 3,300 characters). The server writes it with the text and
-- fills the ideas that have none when it starts (`fill_excerpts`); a list makes the
-- excerpt of an idea that has none from its text, as before.
ALTER TABLE ideas ADD COLUMN excerpt TEXT;

-- A text changed by a statement that did not write the excerpt (a server of an older
-- version, during a rolling upgrade) forgets the excerpt rather than keep a wrong one.
CREATE TRIGGER ideas_excerpt_follows_body AFTER UPDATE OF body ON ideas
WHEN new.body IS NOT old.body AND new.excerpt IS old.excerpt AND new.excerpt IS NOT NULL
BEGIN
    UPDATE ideas SET excerpt = NULL WHERE id = new.id;
END;

-- The ideas still to fill, found without reading the table at every start.
CREATE INDEX ideas_without_excerpt ON ideas (id) WHERE excerpt IS NULL;

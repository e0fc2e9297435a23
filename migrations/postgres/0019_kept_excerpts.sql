-- A card's excerpt kept with its idea (README, "Speed"): a list page made the excerpt of
-- each of its twenty ideas from the whole text, which the database wrote into the card's
-- JSON, the server read back and cut down. The server writes it with the text and fills
-- the ideas that have none when it starts (`fill_excerpts`); a list makes the excerpt of
-- an idea that has none from its text, as before.
ALTER TABLE ideas ADD COLUMN excerpt TEXT;

-- A text changed by a statement that did not write the excerpt (a server of an older
-- version, during a rolling upgrade) forgets the excerpt rather than keep a wrong one.
CREATE FUNCTION ideas_excerpt_follows_body() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.body IS DISTINCT FROM OLD.body AND NEW.excerpt IS NOT DISTINCT FROM OLD.excerpt THEN
        NEW.excerpt := NULL;
    END IF;
    RETURN NEW;
END
$$;

CREATE TRIGGER ideas_excerpt_follows_body BEFORE UPDATE OF body ON ideas
FOR EACH ROW EXECUTE FUNCTION ideas_excerpt_follows_body();

-- The ideas still to fill, found without reading the table at every start.
CREATE INDEX ideas_without_excerpt ON ideas (id) WHERE excerpt IS NULL;

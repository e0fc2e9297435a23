-- The words of each title move out of `ideas` into a narrow table of their own, as the
-- SQLite side keeps them in `ideas_titles`: ranking a few thousand matching titles read
-- 6,500 pages of the wide `ideas` table (45 ms for three common words at 100,000 ideas),
-- and every vote, which rewrites its idea's row, also rewrote an entry of the GIN index.
CREATE TABLE ideas_titles (
    idea_id BIGINT PRIMARY KEY REFERENCES ideas (id) ON DELETE CASCADE,
    words tsvector NOT NULL
);
INSERT INTO ideas_titles (idea_id, words) SELECT id, agora_title_document(title) FROM ideas;
CREATE INDEX ideas_titles_words ON ideas_titles USING GIN (words);

CREATE FUNCTION agora_keep_title_words() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
    BEGIN
        INSERT INTO ideas_titles (idea_id, words) VALUES (NEW.id, agora_title_document(NEW.title))
        ON CONFLICT (idea_id) DO UPDATE SET words = EXCLUDED.words;
        RETURN NULL;
    END
    $$;
CREATE TRIGGER ideas_keep_title_words AFTER INSERT OR UPDATE OF title ON ideas
    FOR EACH ROW EXECUTE FUNCTION agora_keep_title_words();

DROP INDEX ideas_title_search;
ALTER TABLE ideas DROP COLUMN title_search;

-- The `wanted` best-matching titles for the words typed, best (lowest rank) first. Found
-- through the index, always: prefixes of common words match some 7% of the titles, and
-- the planner would rather read the whole narrow table (25 ms at 100,000 ideas) than
-- those rows through the index (8 ms). The setting holds for this call only.
CREATE FUNCTION agora_similar_titles(typed TEXT, wanted INTEGER)
    RETURNS TABLE (idea_id BIGINT, rank REAL)
    LANGUAGE plpgsql STABLE PARALLEL SAFE
    ROWS 50
    SET enable_seqscan = off
    AS $$
    DECLARE
        q tsquery := agora_similar_query(typed);
    BEGIN
        RETURN QUERY SELECT t.idea_id, -ts_rank(t.words, q) FROM ideas_titles t
            WHERE t.words @@ q ORDER BY 2 LIMIT wanted;
    END
    $$;

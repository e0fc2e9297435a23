-- The vote counters move out of `ideas` into a narrow table of their own. A vote changed
-- `vote_count` and `recent_votes`, both in list orders' indexes, so PostgreSQL could not
-- update the idea's row in place: each vote wrote a new version of the wide row and an
-- entry in every one of its fifteen indexes, the search words' GIN index among them.
-- Measured with pgbench (the vote's own statement, 64 clients, 8 ideas), the vote went
-- from about 950 to 1,600 transactions a second with the counters apart. The columns
-- are dropped, not left behind: servers of an older version must be stopped before
-- this migration runs (README, "Upgrades").
CREATE TABLE idea_counters (
    idea_id BIGINT PRIMARY KEY REFERENCES ideas (id) ON DELETE CASCADE,
    -- A copy of the idea's theme, so that a theme's list walks one index in vote order.
    theme_id BIGINT NOT NULL REFERENCES themes (id),
    vote_count BIGINT NOT NULL DEFAULT 0 CHECK (vote_count >= 0),
    recent_votes BIGINT NOT NULL DEFAULT 0
);
INSERT INTO idea_counters (idea_id, theme_id, vote_count, recent_votes)
    SELECT id, theme_id, vote_count, recent_votes FROM ideas;
CREATE INDEX idea_counters_by_votes ON idea_counters (vote_count DESC, idea_id DESC);
CREATE INDEX idea_counters_by_theme_votes ON idea_counters (theme_id, vote_count DESC, idea_id DESC);
CREATE INDEX idea_counters_by_recent ON idea_counters (recent_votes DESC, vote_count DESC, idea_id DESC);
CREATE INDEX idea_counters_by_theme_recent
    ON idea_counters (theme_id, recent_votes DESC, vote_count DESC, idea_id DESC);

-- Every idea has its counters from the moment it exists, and they follow its theme.
CREATE FUNCTION agora_keep_idea_counters() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
    BEGIN
        IF TG_OP = 'INSERT' THEN
            INSERT INTO idea_counters (idea_id, theme_id) VALUES (NEW.id, NEW.theme_id);
        ELSE
            UPDATE idea_counters SET theme_id = NEW.theme_id WHERE idea_id = NEW.id;
        END IF;
        RETURN NULL;
    END
    $$;
CREATE TRIGGER ideas_keep_counters AFTER INSERT OR UPDATE OF theme_id ON ideas
    FOR EACH ROW EXECUTE FUNCTION agora_keep_idea_counters();

DROP INDEX ideas_by_votes;
DROP INDEX ideas_by_theme_votes;
DROP INDEX ideas_by_recent;
DROP INDEX ideas_by_theme_recent;
ALTER TABLE ideas DROP COLUMN vote_count;
ALTER TABLE ideas DROP COLUMN recent_votes;

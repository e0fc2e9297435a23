-- The vote counters move out of `ideas` into a narrow table of their own, as on
-- PostgreSQL (see its own 0016, where the wide row's many indexes made each vote
-- slow). One schema for both engines keeps one set of queries; on SQLite a vote, too,
-- now rewrites a short row and four small indexes instead of the idea's.
CREATE TABLE idea_counters (
    idea_id INTEGER PRIMARY KEY REFERENCES ideas (id) ON DELETE CASCADE,
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
CREATE TRIGGER ideas_counters_insert AFTER INSERT ON ideas BEGIN
    INSERT INTO idea_counters (idea_id, theme_id) VALUES (new.id, new.theme_id);
END;
CREATE TRIGGER ideas_counters_theme AFTER UPDATE OF theme_id ON ideas BEGIN
    UPDATE idea_counters SET theme_id = new.theme_id WHERE idea_id = new.id;
END;

DROP INDEX ideas_by_votes;
DROP INDEX ideas_by_theme_votes;
DROP INDEX ideas_by_recent;
DROP INDEX ideas_by_theme_recent;
ALTER TABLE ideas DROP COLUMN vote_count;
ALTER TABLE ideas DROP COLUMN recent_votes;

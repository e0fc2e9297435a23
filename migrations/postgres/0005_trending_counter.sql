-- "Trending" as a counter on the idea, so that the list walks an index like every other
-- order: support in the trending window (today and the 7 days before), kept in the vote
-- transaction and brought up to date when a day passes (see app/src/votes/trending.rs).
ALTER TABLE ideas ADD COLUMN recent_votes BIGINT NOT NULL DEFAULT 0;
CREATE INDEX ideas_by_recent ON ideas (recent_votes DESC, vote_count DESC, id DESC);
CREATE INDEX ideas_by_theme_recent ON ideas (theme_id, recent_votes DESC, vote_count DESC, id DESC);

-- The day up to which `recent_votes` is exact; 0 means "never": the first catch-up
-- recomputes every idea that ever had a vote.
CREATE TABLE trending_clock (
    id BIGINT PRIMARY KEY CHECK (id = 1),
    day BIGINT NOT NULL
);
INSERT INTO trending_clock (id, day) VALUES (1, 0);

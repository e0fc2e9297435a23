-- Votes per idea per day (unix day), kept in the vote transaction, so that "trending"
-- (support in the last 7 days) reads a handful of rows per idea instead of every vote.
CREATE TABLE idea_vote_days (
    idea_id BIGINT NOT NULL REFERENCES ideas (id),
    day BIGINT NOT NULL,
    votes BIGINT NOT NULL DEFAULT 0,
    PRIMARY KEY (idea_id, day)
);
CREATE INDEX idea_vote_days_by_day ON idea_vote_days (day, idea_id);

INSERT INTO idea_vote_days (idea_id, day, votes)
SELECT idea_id, created_at / 86400000, COUNT(*) FROM votes GROUP BY idea_id, created_at / 86400000;

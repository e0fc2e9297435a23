-- Comments (one level of replies), follows, in-app notifications and the full-text index.

CREATE TABLE comments (
    id BIGSERIAL PRIMARY KEY,
    idea_id BIGINT NOT NULL REFERENCES ideas (id),
    -- A reply names the comment it answers; replies to replies are refused.
    parent_id BIGINT REFERENCES comments (id),
    author_id BIGINT NOT NULL REFERENCES accounts (id),
    body TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    edited_at BIGINT,
    -- A deleted comment keeps its place (its replies stay) but loses its text.
    deleted_at BIGINT
);
CREATE INDEX comments_threads ON comments (idea_id, created_at, id) WHERE parent_id IS NULL;
CREATE INDEX comments_replies ON comments (parent_id, created_at, id) WHERE parent_id IS NOT NULL;
CREATE INDEX comments_by_author ON comments (author_id, created_at);

-- "Most discussed", alone and within a theme.
CREATE INDEX ideas_by_comments ON ideas (comment_count DESC, id DESC);
CREATE INDEX ideas_by_theme_comments ON ideas (theme_id, comment_count DESC, id DESC);

CREATE TABLE follows (
    idea_id BIGINT NOT NULL REFERENCES ideas (id),
    account_id BIGINT NOT NULL REFERENCES accounts (id),
    created_at BIGINT NOT NULL,
    PRIMARY KEY (idea_id, account_id)
);
CREATE INDEX follows_by_account ON follows (account_id, created_at DESC);

INSERT INTO follows (idea_id, account_id, created_at) SELECT id, author_id, created_at FROM ideas;

CREATE TABLE notifications (
    id BIGSERIAL PRIMARY KEY,
    account_id BIGINT NOT NULL REFERENCES accounts (id),
    kind TEXT NOT NULL CHECK (kind IN ('comment', 'reply', 'status')),
    idea_id BIGINT NOT NULL REFERENCES ideas (id),
    comment_id BIGINT REFERENCES comments (id),
    actor_id BIGINT REFERENCES accounts (id),
    created_at BIGINT NOT NULL,
    read_at BIGINT
);
CREATE INDEX notifications_by_account ON notifications (account_id, id DESC);
CREATE INDEX notifications_unread ON notifications (account_id) WHERE read_at IS NULL;

-- Search over title and description, accents and case folded, without stemming so that
-- it behaves as on SQLite whatever the language. `unaccent` is not immutable by itself
-- (it reads a dictionary); naming the dictionary makes the wrapper safe to index.
CREATE EXTENSION IF NOT EXISTS unaccent;
CREATE FUNCTION agora_search_document(title TEXT, body TEXT) RETURNS tsvector
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$ SELECT to_tsvector('simple'::regconfig, public.unaccent('public.unaccent'::regdictionary, title || ' ' || body)) $$;
CREATE FUNCTION agora_search_query(words TEXT) RETURNS tsquery
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$ SELECT to_tsquery('simple'::regconfig, public.unaccent('public.unaccent'::regdictionary, words)) $$;
ALTER TABLE ideas ADD COLUMN search tsvector GENERATED ALWAYS AS (agora_search_document(title, body)) STORED;
CREATE INDEX ideas_search ON ideas USING GIN (search);

-- Comments (one level of replies), follows, in-app notifications and the full-text index.

CREATE TABLE comments (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    idea_id INTEGER NOT NULL REFERENCES ideas (id),
    -- A reply names the comment it answers; replies to replies are refused.
    parent_id INTEGER REFERENCES comments (id),
    author_id INTEGER NOT NULL REFERENCES accounts (id),
    body TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    edited_at INTEGER,
    -- A deleted comment keeps its place (its replies stay) but loses its text.
    deleted_at INTEGER
);
CREATE INDEX comments_threads ON comments (idea_id, created_at, id) WHERE parent_id IS NULL;
CREATE INDEX comments_replies ON comments (parent_id, created_at, id) WHERE parent_id IS NOT NULL;
CREATE INDEX comments_by_author ON comments (author_id, created_at);

-- "Most discussed", alone and within a theme.
CREATE INDEX ideas_by_comments ON ideas (comment_count DESC, id DESC);
CREATE INDEX ideas_by_theme_comments ON ideas (theme_id, comment_count DESC, id DESC);

CREATE TABLE follows (
    idea_id INTEGER NOT NULL REFERENCES ideas (id),
    account_id INTEGER NOT NULL REFERENCES accounts (id),
    created_at INTEGER NOT NULL,
    PRIMARY KEY (idea_id, account_id)
);
CREATE INDEX follows_by_account ON follows (account_id, created_at DESC);

INSERT INTO follows (idea_id, account_id, created_at) SELECT id, author_id, created_at FROM ideas;

CREATE TABLE notifications (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    account_id INTEGER NOT NULL REFERENCES accounts (id),
    kind TEXT NOT NULL CHECK (kind IN ('comment', 'reply', 'status')),
    idea_id INTEGER NOT NULL REFERENCES ideas (id),
    comment_id INTEGER REFERENCES comments (id),
    actor_id INTEGER REFERENCES accounts (id),
    created_at INTEGER NOT NULL,
    read_at INTEGER
);
CREATE INDEX notifications_by_account ON notifications (account_id, id DESC);
CREATE INDEX notifications_unread ON notifications (account_id) WHERE read_at IS NULL;

-- Search over title and description, accents and case folded. Kept by triggers; a change
-- of counters or status does not touch it.
CREATE VIRTUAL TABLE ideas_search USING fts5 (
    title, body, content = 'ideas', content_rowid = 'id', tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TRIGGER ideas_search_insert AFTER INSERT ON ideas BEGIN
    INSERT INTO ideas_search (rowid, title, body) VALUES (new.id, new.title, new.body);
END;
CREATE TRIGGER ideas_search_delete AFTER DELETE ON ideas BEGIN
    INSERT INTO ideas_search (ideas_search, rowid, title, body) VALUES ('delete', old.id, old.title, old.body);
END;
CREATE TRIGGER ideas_search_update AFTER UPDATE OF title, body ON ideas BEGIN
    INSERT INTO ideas_search (ideas_search, rowid, title, body) VALUES ('delete', old.id, old.title, old.body);
    INSERT INTO ideas_search (rowid, title, body) VALUES (new.id, new.title, new.body);
END;
INSERT INTO ideas_search (ideas_search) VALUES ('rebuild');

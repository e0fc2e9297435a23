-- Moderation: reports, hiding, triage, merging duplicates, public responses, and the
-- notifications they send.

-- One report per account and item; the open ones (not yet decided by a moderator) feed
-- the queue and, past a threshold, hide the item until a moderator decides.
CREATE TABLE reports (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    target_type TEXT NOT NULL CHECK (target_type IN ('idea', 'comment')),
    target_id INTEGER NOT NULL,
    -- The idea concerned (a comment's idea), so that the queue links without a lookup.
    idea_id INTEGER NOT NULL REFERENCES ideas (id),
    reporter_id INTEGER NOT NULL REFERENCES accounts (id),
    reason TEXT NOT NULL CHECK (reason IN ('spam', 'offensive', 'off_topic', 'other')),
    note TEXT NOT NULL DEFAULT '',
    created_at INTEGER NOT NULL,
    resolved_at INTEGER,
    resolved_by INTEGER REFERENCES accounts (id),
    UNIQUE (target_type, target_id, reporter_id)
);
CREATE INDEX reports_open ON reports (target_type, target_id) WHERE resolved_at IS NULL;

-- Hidden content stays in the database and is shown to its author with the reason.
-- hidden_by is NULL when reports hid it automatically.
ALTER TABLE ideas ADD COLUMN hidden_at INTEGER;
ALTER TABLE ideas ADD COLUMN hidden_by INTEGER REFERENCES accounts (id);
ALTER TABLE ideas ADD COLUMN hidden_reason TEXT NOT NULL DEFAULT '';
ALTER TABLE comments ADD COLUMN hidden_at INTEGER;
ALTER TABLE comments ADD COLUMN hidden_by INTEGER REFERENCES accounts (id);
ALTER TABLE comments ADD COLUMN hidden_reason TEXT NOT NULL DEFAULT '';
CREATE INDEX ideas_hidden ON ideas (hidden_at DESC, id DESC) WHERE hidden_at IS NOT NULL;
CREATE INDEX comments_hidden ON comments (hidden_at DESC, id DESC) WHERE hidden_at IS NOT NULL;

-- An idea is triaged once a moderator acted on it; the queue lists the others, oldest first.
ALTER TABLE ideas ADD COLUMN triaged_at INTEGER;
CREATE INDEX ideas_untriaged ON ideas (created_at, id) WHERE triaged_at IS NULL;

-- A duplicate names the idea it was merged into.
ALTER TABLE ideas ADD COLUMN duplicate_of INTEGER REFERENCES ideas (id);

-- An idea's history holds status changes and public responses that leave the status as it is.
ALTER TABLE idea_status_events ADD COLUMN kind TEXT NOT NULL DEFAULT 'status' CHECK (kind IN ('status', 'response'));

-- Organisations awaiting verification, oldest first.
CREATE INDEX accounts_unverified ON accounts (created_at, id) WHERE kind <> 'resident' AND organisation_verified = 0;

-- Notifications gain kinds (a public response, hidden or restored content) and need not
-- concern an idea (projects come next). SQLite cannot alter a CHECK: the table is rebuilt.
CREATE TABLE notifications_new (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    account_id INTEGER NOT NULL REFERENCES accounts (id),
    kind TEXT NOT NULL CHECK (kind IN ('comment', 'reply', 'status', 'response', 'hidden', 'restored',
                                       'project_status', 'project_update')),
    idea_id INTEGER REFERENCES ideas (id),
    comment_id INTEGER REFERENCES comments (id),
    actor_id INTEGER REFERENCES accounts (id),
    created_at INTEGER NOT NULL,
    read_at INTEGER
);
INSERT INTO notifications_new (id, account_id, kind, idea_id, comment_id, actor_id, created_at, read_at)
SELECT id, account_id, kind, idea_id, comment_id, actor_id, created_at, read_at FROM notifications;
DROP TABLE notifications;
ALTER TABLE notifications_new RENAME TO notifications;
CREATE INDEX notifications_by_account ON notifications (account_id, id DESC);
CREATE INDEX notifications_unread ON notifications (account_id) WHERE read_at IS NULL;

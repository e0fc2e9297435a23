-- Moderation: reports, hiding, triage, merging duplicates, public responses, and the
-- notifications they send.

-- One report per account and item; the open ones (not yet decided by a moderator) feed
-- the queue and, past a threshold, hide the item until a moderator decides.
CREATE TABLE reports (
    id BIGSERIAL PRIMARY KEY,
    target_type TEXT NOT NULL CHECK (target_type IN ('idea', 'comment')),
    target_id BIGINT NOT NULL,
    -- The idea concerned (a comment's idea), so that the queue links without a lookup.
    idea_id BIGINT NOT NULL REFERENCES ideas (id),
    reporter_id BIGINT NOT NULL REFERENCES accounts (id),
    reason TEXT NOT NULL CHECK (reason IN ('spam', 'offensive', 'off_topic', 'other')),
    note TEXT NOT NULL DEFAULT '',
    created_at BIGINT NOT NULL,
    resolved_at BIGINT,
    resolved_by BIGINT REFERENCES accounts (id),
    UNIQUE (target_type, target_id, reporter_id)
);
CREATE INDEX reports_open ON reports (target_type, target_id) WHERE resolved_at IS NULL;

-- Hidden content stays in the database and is shown to its author with the reason.
-- hidden_by is NULL when reports hid it automatically.
ALTER TABLE ideas ADD COLUMN hidden_at BIGINT;
ALTER TABLE ideas ADD COLUMN hidden_by BIGINT REFERENCES accounts (id);
ALTER TABLE ideas ADD COLUMN hidden_reason TEXT NOT NULL DEFAULT '';
ALTER TABLE comments ADD COLUMN hidden_at BIGINT;
ALTER TABLE comments ADD COLUMN hidden_by BIGINT REFERENCES accounts (id);
ALTER TABLE comments ADD COLUMN hidden_reason TEXT NOT NULL DEFAULT '';
CREATE INDEX ideas_hidden ON ideas (hidden_at DESC, id DESC) WHERE hidden_at IS NOT NULL;
CREATE INDEX comments_hidden ON comments (hidden_at DESC, id DESC) WHERE hidden_at IS NOT NULL;

-- An idea is triaged once a moderator acted on it; the queue lists the others, oldest first.
ALTER TABLE ideas ADD COLUMN triaged_at BIGINT;
CREATE INDEX ideas_untriaged ON ideas (created_at, id) WHERE triaged_at IS NULL;

-- A duplicate names the idea it was merged into.
ALTER TABLE ideas ADD COLUMN duplicate_of BIGINT REFERENCES ideas (id);

-- An idea's history holds status changes and public responses that leave the status as it is.
ALTER TABLE idea_status_events ADD COLUMN kind TEXT NOT NULL DEFAULT 'status' CHECK (kind IN ('status', 'response'));

-- Organisations awaiting verification, oldest first.
CREATE INDEX accounts_unverified ON accounts (created_at, id) WHERE kind <> 'resident' AND NOT organisation_verified;

-- Notifications gain kinds (a public response, hidden or restored content) and need not
-- concern an idea (projects come next).
ALTER TABLE notifications DROP CONSTRAINT notifications_kind_check;
ALTER TABLE notifications ADD CONSTRAINT notifications_kind_check
    CHECK (kind IN ('comment', 'reply', 'status', 'response', 'hidden', 'restored', 'project_status', 'project_update'));
ALTER TABLE notifications ALTER COLUMN idea_id DROP NOT NULL;

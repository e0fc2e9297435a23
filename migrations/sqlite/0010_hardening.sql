-- Hardening: the servers' shared secret, limits that hold across servers, trust in
-- reports, notifications that keep what they announced, and refusals counted in one
-- audit entry a minute.

-- One random master secret per database, made by the first server that starts on it, so
-- that every server derives the same keys (see app/src/keys.rs).
CREATE TABLE server_keys (
    name TEXT PRIMARY KEY,
    secret TEXT NOT NULL,
    created_at INTEGER NOT NULL
);

-- Registrations per network are counted from the accounts made from it: a keyed hash of
-- the network, never the address, cleared once the limit's window is long past.
ALTER TABLE accounts ADD COLUMN registered_from TEXT;
CREATE INDEX accounts_registered_from ON accounts (registered_from, created_at) WHERE registered_from IS NOT NULL;

-- Failed sign-ins in a row and when the last one was: sign-in slows down, never locks out.
ALTER TABLE accounts ADD COLUMN sign_in_failures INTEGER NOT NULL DEFAULT 0;
ALTER TABLE accounts ADD COLUMN sign_in_failed_at INTEGER;

-- When a moderator last decided an item should stay visible (kept or restored): only
-- reports made after that count towards hiding it again, and more of them are needed.
ALTER TABLE ideas ADD COLUMN kept_at INTEGER;
ALTER TABLE comments ADD COLUMN kept_at INTEGER;

-- The title a notification announced, as it was then.
ALTER TABLE notifications ADD COLUMN title TEXT;
UPDATE notifications SET title = COALESCE(
    (SELECT i.title FROM ideas i WHERE i.id = notifications.idea_id),
    (SELECT p.title FROM projects p WHERE p.id = notifications.project_id)
);

-- Refused calls of one account to one endpoint are counted in one entry a minute. The
-- log stays append-only: nothing in an entry changes but that counter, which only grows.
ALTER TABLE audit_log ADD COLUMN repeats INTEGER NOT NULL DEFAULT 1;
DROP TRIGGER audit_log_no_update;
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
WHEN NEW.id IS NOT OLD.id OR NEW.at IS NOT OLD.at OR NEW.actor_id IS NOT OLD.actor_id
  OR NEW.action IS NOT OLD.action OR NEW.target_type IS NOT OLD.target_type
  OR NEW.target_id IS NOT OLD.target_id OR NEW.detail IS NOT OLD.detail
  OR NEW.repeats < OLD.repeats
BEGIN
    SELECT RAISE(ABORT, 'audit_log is append-only');
END;

-- Replies per comment, kept with the comment in the reply's transaction (replies are never
-- removed, only emptied): a thread shows its count without counting, however long it is.
ALTER TABLE comments ADD COLUMN reply_count INTEGER NOT NULL DEFAULT 0;
UPDATE comments SET reply_count = (SELECT COUNT(*) FROM comments r WHERE r.parent_id = comments.id)
WHERE parent_id IS NULL;

-- A moderator may block an account: it can no longer post, vote or comment; what it
-- wrote stays unless hidden. The reason is kept for the account holder to read.
ALTER TABLE accounts ADD COLUMN blocked_at BIGINT;
ALTER TABLE accounts ADD COLUMN blocked_reason TEXT NOT NULL DEFAULT '';

-- How each account hears by email of what it follows: at once, a daily or weekly digest
-- (daily by default), or never; and which kinds of news (a comma-separated list of
-- mine, replies, follows, projects).
ALTER TABLE accounts ADD COLUMN mail_frequency TEXT NOT NULL DEFAULT 'daily'
    CHECK (mail_frequency IN ('instant', 'daily', 'weekly', 'never'));
ALTER TABLE accounts ADD COLUMN mail_kinds TEXT NOT NULL DEFAULT 'mine,replies,follows,projects';
-- The newest notification already considered for email: a digest never repeats one, and
-- moving it on is how a server claims an account's next email (another server that
-- read the same value changes nothing).
ALTER TABLE accounts ADD COLUMN mailed_through BIGINT NOT NULL DEFAULT 0;
-- When the account's next digest is due (unix milliseconds; 0: at the next look).
ALTER TABLE accounts ADD COLUMN next_digest_at BIGINT NOT NULL DEFAULT 0;
-- Accounts that existed before: news already in their notifications is not mailed.
UPDATE accounts SET mailed_through = (SELECT COALESCE(MAX(id), 0) FROM notifications);
CREATE INDEX accounts_digest_due ON accounts (next_digest_at) WHERE mail_frequency IN ('daily', 'weekly');

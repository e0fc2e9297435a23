-- Email: a durable outbox, single-use links, and what the account's mail needs.

-- Accounts that existed before verification was asked for keep taking part: their
-- address is taken as confirmed from the day this ran.
ALTER TABLE accounts ADD COLUMN email_verified_at BIGINT;
UPDATE accounts SET email_verified_at = created_at;
-- The language emails are written in (fr, nl, en), chosen at registration.
ALTER TABLE accounts ADD COLUMN language TEXT NOT NULL DEFAULT 'en' CHECK (language IN ('fr', 'nl', 'en'));

-- When its holder deleted the account: what identified them is erased, the row stays so
-- that what they wrote stays, by "a deleted account", and their votes keep counting.
ALTER TABLE accounts ADD COLUMN deleted_at BIGINT;

-- Every email, written in the transaction of what caused it and sent by the worker.
-- A row is claimed for a while (claimed_until) before it is sent and marked sent only
-- once the SMTP server accepted it: a worker that dies in between leaves a row that is
-- claimed again later, so a message may be sent twice, never lost. Several servers
-- claim with FOR UPDATE SKIP LOCKED, so each row goes to one of them.
CREATE TABLE outbox (
    id BIGSERIAL PRIMARY KEY,
    account_id BIGINT,
    kind TEXT NOT NULL,
    recipient TEXT NOT NULL,
    subject TEXT NOT NULL,
    -- The link the message is about, for the log line of the embedded file transport.
    link TEXT NOT NULL,
    message TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    next_attempt_at BIGINT NOT NULL,
    attempts BIGINT NOT NULL DEFAULT 0,
    last_error TEXT,
    claimed_until BIGINT,
    sent_at BIGINT,
    -- Given up: too many failures, or the account was blocked or deleted meanwhile.
    dropped_at BIGINT
);
CREATE INDEX outbox_due ON outbox (next_attempt_at, id) WHERE sent_at IS NULL AND dropped_at IS NULL;

-- Links sent by email (confirm an address, reset a password, confirm a new address):
-- only a hash of the token is kept, so a copy of the database opens no account.
CREATE TABLE email_tokens (
    id BIGSERIAL PRIMARY KEY,
    account_id BIGINT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    purpose TEXT NOT NULL CHECK (purpose IN ('verify', 'reset', 'email_change')),
    -- For a change of address: the new address, which takes effect once confirmed.
    new_email TEXT,
    token_hash TEXT NOT NULL UNIQUE,
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL,
    used_at BIGINT
);
CREATE INDEX email_tokens_by_account ON email_tokens (account_id, purpose, created_at);

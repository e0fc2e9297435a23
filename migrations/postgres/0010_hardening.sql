-- Hardening: the servers' shared secret, limits that hold across servers, trust in
-- reports, notifications that keep what they announced, and refusals counted in one
-- audit entry a minute.

-- One random master secret per database, made by the first server that starts on it, so
-- that every server derives the same keys (see app/src/keys.rs).
CREATE TABLE server_keys (
    name TEXT PRIMARY KEY,
    secret TEXT NOT NULL,
    created_at BIGINT NOT NULL
);

-- Registrations per network are counted from the accounts made from it: a keyed hash of
-- the network, never the address, cleared once the limit's window is long past.
ALTER TABLE accounts ADD COLUMN registered_from TEXT;
CREATE INDEX accounts_registered_from ON accounts (registered_from, created_at) WHERE registered_from IS NOT NULL;

-- Failed sign-ins in a row and when the last one was: sign-in slows down, never locks out.
ALTER TABLE accounts ADD COLUMN sign_in_failures BIGINT NOT NULL DEFAULT 0;
ALTER TABLE accounts ADD COLUMN sign_in_failed_at BIGINT;

-- When a moderator last decided an item should stay visible (kept or restored): only
-- reports made after that count towards hiding it again, and more of them are needed.
ALTER TABLE ideas ADD COLUMN kept_at BIGINT;
ALTER TABLE comments ADD COLUMN kept_at BIGINT;

-- The title a notification announced, as it was then.
ALTER TABLE notifications ADD COLUMN title TEXT;
UPDATE notifications SET title = COALESCE(
    (SELECT i.title FROM ideas i WHERE i.id = notifications.idea_id),
    (SELECT p.title FROM projects p WHERE p.id = notifications.project_id)
);

-- Refused calls of one account to one endpoint are counted in one entry a minute. The
-- log stays append-only: nothing in an entry changes but that counter, which only grows.
ALTER TABLE audit_log ADD COLUMN repeats BIGINT NOT NULL DEFAULT 1;
CREATE OR REPLACE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE' THEN
        IF (NEW.id, NEW.at, NEW.actor_id, NEW.action, NEW.target_type, NEW.target_id, NEW.detail)
           IS NOT DISTINCT FROM (OLD.id, OLD.at, OLD.actor_id, OLD.action, OLD.target_type, OLD.target_id, OLD.detail)
           AND NEW.repeats >= OLD.repeats THEN
            RETURN NEW;
        END IF;
    END IF;
    RAISE EXCEPTION 'audit_log is append-only';
END;
$$;

-- A search is built from the lexemes of each word, never from its text: some letters
-- become tsquery syntax once unaccented (`ʼ` → `'`, `⑴` → `(1)`) and made the old
-- to_tsquery fail. Each word arrives as letters and digits, a `*` after those that may
-- also be the start of a longer word; a word without a lexeme matches nothing.
CREATE OR REPLACE FUNCTION agora_search_query(words TEXT) RETURNS tsquery
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$
    SELECT COALESCE(
        string_agg(
            '''' || replace(replace(t.lexeme, '\', '\\'), '''', '''''') || ''''
                || CASE WHEN w.prefix THEN ':*' ELSE '' END,
            ' & '),
        '')::tsquery
    FROM (SELECT rtrim(word, '*') AS word, right(word, 1) = '*' AS prefix
          FROM regexp_split_to_table(words, ' ') AS word
          WHERE word <> '') w,
         LATERAL unnest(to_tsvector('simple'::regconfig,
                                    public.unaccent('public.unaccent'::regdictionary, w.word))) AS t
    $$;

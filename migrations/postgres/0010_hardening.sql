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
-- also be the start of a longer word. Unaccenting can cut one word into several lexemes:
-- only lexemes of three characters or more keep the prefix, at most six are kept, and a
-- word that leaves no lexeme makes the search match nothing (as on SQLite).
CREATE OR REPLACE FUNCTION agora_search_query(words TEXT) RETURNS tsquery
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$
    WITH w AS (
        SELECT n, rtrim(word, '*') AS word, right(word, 1) = '*' AS prefix
        FROM regexp_split_to_table(words, ' ') WITH ORDINALITY AS s(word, n)
        WHERE word <> ''
    ), l AS (
        SELECT w.n, w.prefix, t.lexeme
        FROM w LEFT JOIN LATERAL unnest(to_tsvector('simple'::regconfig,
                 public.unaccent('public.unaccent'::regdictionary, w.word))) AS t ON true
    )
    SELECT (CASE WHEN bool_and(l.lexeme IS NOT NULL) THEN (
        SELECT string_agg(
                   '''' || replace(replace(k.lexeme, '\', '\\'), '''', '''''') || ''''
                       || CASE WHEN k.prefix AND length(k.lexeme) >= 3 THEN ':*' ELSE '' END,
                   ' & ')
        FROM (SELECT lexeme, prefix FROM l WHERE lexeme IS NOT NULL ORDER BY n, lexeme LIMIT 6) k
    ) ELSE '' END)::tsquery
    FROM l
    $$;

-- Replies per comment, kept with the comment in the reply's transaction (replies are never
-- removed, only emptied): a thread shows its count without counting, however long it is.
ALTER TABLE comments ADD COLUMN reply_count BIGINT NOT NULL DEFAULT 0;
UPDATE comments SET reply_count = (SELECT COUNT(*) FROM comments r WHERE r.parent_id = comments.id)
WHERE parent_id IS NULL;

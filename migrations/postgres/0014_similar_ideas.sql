-- Similar ideas are found among titles: the words of each title, accents and case folded
-- as for the search, kept beside it so that ranking reads them instead of computing them
-- for every match.
CREATE FUNCTION agora_title_document(title TEXT) RETURNS tsvector
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$ SELECT to_tsvector('simple'::regconfig, public.unaccent('public.unaccent'::regdictionary, title)) $$;
ALTER TABLE ideas ADD COLUMN title_search tsvector GENERATED ALWAYS AS (agora_title_document(title)) STORED;
CREATE INDEX ideas_title_search ON ideas USING GIN (title_search);

-- Any of the words (letters and digits, separated by spaces), or a longer word one of
-- them begins: built from the lexemes of each word, never from its text, as
-- agora_search_query is. At most eight lexemes; none gives an empty query.
CREATE FUNCTION agora_similar_query(words TEXT) RETURNS tsquery
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$
    SELECT coalesce(string_agg(
               '''' || replace(replace(k.lexeme, '\', '\\'), '''', '''''') || ''''
                   || CASE WHEN length(k.lexeme) >= 3 THEN ':*' ELSE '' END,
               ' | '), '')::tsquery
    FROM (SELECT t.lexeme FROM unnest(to_tsvector('simple'::regconfig,
              public.unaccent('public.unaccent'::regdictionary, words))) AS t
          ORDER BY t.lexeme LIMIT 8) k
    $$;

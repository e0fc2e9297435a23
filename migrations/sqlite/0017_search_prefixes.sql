-- Every word of three letters or more is searched as the start of longer ones ("vél"
-- finds "vélos"). Without an index of words' first three letters, FTS5 read and merged
-- the documents of every word that starts with them, for each such word of each search:
-- six common three-letter starts (the costliest search the site accepts) cost 19 ms at
-- 100,000 ideas. With it, a three-letter start is one list of documents: 2 to 4 ms. Longer
-- starts are shared by few words and stay as they were. The search index grows by three
-- quarters (22 to 39 MB at 100,000 ideas; the whole database by 7%).
DROP TABLE ideas_search;
CREATE VIRTUAL TABLE ideas_search USING fts5 (
    title, body, content = 'ideas', content_rowid = 'id', prefix = '3',
    tokenize = 'unicode61 remove_diacritics 2'
);
INSERT INTO ideas_search (ideas_search) VALUES ('rebuild');

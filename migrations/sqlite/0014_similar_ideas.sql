-- Similar ideas are found among titles: a full-text table of the titles alone, with
-- indexes of the words' first three to six letters, since each word is asked for as
-- the start of longer ones ("bench" finds "benches"). Kept by triggers, as ideas_search.
CREATE VIRTUAL TABLE ideas_titles USING fts5 (
    title, content = 'ideas', content_rowid = 'id', prefix = '3 4 5 6', tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TRIGGER ideas_titles_insert AFTER INSERT ON ideas BEGIN
    INSERT INTO ideas_titles (rowid, title) VALUES (new.id, new.title);
END;
CREATE TRIGGER ideas_titles_delete AFTER DELETE ON ideas BEGIN
    INSERT INTO ideas_titles (ideas_titles, rowid, title) VALUES ('delete', old.id, old.title);
END;
CREATE TRIGGER ideas_titles_update AFTER UPDATE OF title ON ideas BEGIN
    INSERT INTO ideas_titles (ideas_titles, rowid, title) VALUES ('delete', old.id, old.title);
    INSERT INTO ideas_titles (rowid, title) VALUES (new.id, new.title);
END;
INSERT INTO ideas_titles (ideas_titles) VALUES ('rebuild');

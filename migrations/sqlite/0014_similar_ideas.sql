-- Similar ideas are found among titles with SQLite's full-text table (ideas_search, whose
-- title column is searched on its own): nothing to add on this engine. The migration
-- exists so that both engines keep the same version numbers.
SELECT 1;

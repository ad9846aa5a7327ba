-- The record tables (0002) hold everything the analysis JSON held: articles.analysis goes.
ALTER TABLE articles DROP COLUMN analysis;

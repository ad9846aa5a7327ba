-- The record tables (0002) hold everything the analysis JSON held: articles.analysis goes (SQLite >= 3.35).
-- The full-text index is declared anew with content="articles", the spelling datasette looks for to offer
-- search on the articles table, and rebuilt from the articles (rowids stay as they were).
DROP TRIGGER articles_ai;
DROP TRIGGER articles_ad;
DROP TRIGGER articles_au;
DROP TABLE articles_fts;
ALTER TABLE articles DROP COLUMN analysis;

CREATE VIRTUAL TABLE articles_fts USING fts5(
    title, text, content="articles", content_rowid="rowid", tokenize='unicode61 remove_diacritics 2'
);
INSERT INTO articles_fts (articles_fts) VALUES ('rebuild');
CREATE TRIGGER articles_ai AFTER INSERT ON articles BEGIN
    INSERT INTO articles_fts (rowid, title, text) VALUES (new.rowid, new.title, new.text);
END;
CREATE TRIGGER articles_ad AFTER DELETE ON articles BEGIN
    INSERT INTO articles_fts (articles_fts, rowid, title, text) VALUES ('delete', old.rowid, old.title, old.text);
END;
CREATE TRIGGER articles_au AFTER UPDATE ON articles BEGIN
    INSERT INTO articles_fts (articles_fts, rowid, title, text) VALUES ('delete', old.rowid, old.title, old.text);
    INSERT INTO articles_fts (rowid, title, text) VALUES (new.rowid, new.title, new.text);
END;

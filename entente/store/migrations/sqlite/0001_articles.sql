-- Articles as analyzed: the output fields as columns for querying, the whole Analysis as JSON.
CREATE TABLE articles (
    id           TEXT PRIMARY KEY,             -- first 16 hex digits of content_hash
    content_hash TEXT NOT NULL UNIQUE,         -- sha256 of the input content, whitespace-normalized
    file         TEXT NOT NULL,
    line         INTEGER,                      -- line of a JSON Lines input
    url          TEXT,
    lang         TEXT,
    title        TEXT,
    published    TEXT,                         -- YYYY-MM-DD, YYYY-MM or YYYY
    source       TEXT,
    text         TEXT NOT NULL,                -- cleaned body; offsets elsewhere point into it
    analysis     TEXT NOT NULL,                -- JSON of the full Analysis (removed lines, paragraphs, ...)
    ingested_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);
CREATE INDEX articles_published ON articles (published);
CREATE INDEX articles_lang ON articles (lang);
CREATE INDEX articles_source ON articles (source);

CREATE VIRTUAL TABLE articles_fts USING fts5(
    title, text, content='articles', content_rowid='rowid', tokenize='unicode61 remove_diacritics 2'
);
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

-- Articles as analyzed: the output fields as columns for querying, the whole Analysis as JSON.
-- Full-text search: a generated tsvector ('simple' configuration: lower-cased words, no stemming),
-- titles weighted above bodies.
CREATE TABLE articles (
    id           text PRIMARY KEY,             -- first 16 hex digits of content_hash
    content_hash text NOT NULL UNIQUE,         -- sha256 of the input content, whitespace-normalized
    file         text NOT NULL,
    line         integer,                      -- line of a JSON Lines input
    url          text,
    lang         text,
    title        text,
    published    text,                         -- YYYY-MM-DD, YYYY-MM or YYYY
    source       text,
    text         text NOT NULL,                -- cleaned body; offsets elsewhere point into it
    analysis     json NOT NULL,                -- the full Analysis as written (json keeps its key order)
    ingested_at  timestamptz NOT NULL DEFAULT now(),
    fts          tsvector GENERATED ALWAYS AS (
                     setweight(to_tsvector('simple', coalesce(title, '')), 'A')
                     || setweight(to_tsvector('simple', text), 'B')) STORED
);
CREATE INDEX articles_published ON articles (published);
CREATE INDEX articles_lang ON articles (lang);
CREATE INDEX articles_source ON articles (source);
CREATE INDEX articles_fts ON articles USING gin (fts);

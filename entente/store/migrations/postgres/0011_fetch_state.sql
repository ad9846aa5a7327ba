-- The same as migrations/sqlite/0011_fetch_state.sql (see the comments there).
CREATE TABLE feeds (
    url           text PRIMARY KEY,
    kind          text,
    etag          text,
    last_modified text,
    polled_at     text,
    changed_at    text,
    entries       integer NOT NULL DEFAULT 0,
    failures      integer NOT NULL DEFAULT 0,
    error         text
);

CREATE TABLE fetched_urls (
    url           text PRIMARY KEY,
    feed          text REFERENCES feeds (url) ON DELETE SET NULL,
    status        text NOT NULL DEFAULT 'pending',
    entry_updated text,
    title         text,
    published     text,
    final_url     text,
    etag          text,
    last_modified text,
    attempts      integer NOT NULL DEFAULT 0,
    error         text,
    article_id    text REFERENCES articles (id) ON DELETE SET NULL,
    found_at      text NOT NULL,
    fetched_at    text
);
CREATE INDEX fetched_urls_status ON fetched_urls (status);
CREATE INDEX fetched_urls_article ON fetched_urls (article_id);

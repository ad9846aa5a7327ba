-- What `entente watch` knows about the web (entente/store/fetch_state.py): the feeds and URL lists it polls,
-- and every article URL it found in them, so that a restart resumes where it stopped and nothing is fetched
-- twice. Times are UTC, ISO 8601 text (2026-12-06T09:30:00Z).

-- A source: an RSS/Atom feed or a URL list, by its URL (or the absolute path of a local file).
CREATE TABLE feeds (
    url           TEXT PRIMARY KEY,
    kind          TEXT,                      -- rss | atom | list | ... (feedparser's version); NULL until read
    etag          TEXT,                      -- validators of the last 200 response, sent back as
    last_modified TEXT,                      --   If-None-Match / If-Modified-Since
    polled_at     TEXT,                      -- the last poll, whatever its outcome
    changed_at    TEXT,                      -- the last poll that brought a new body
    entries       INTEGER NOT NULL DEFAULT 0,  -- article links in that body
    failures      INTEGER NOT NULL DEFAULT 0,  -- failed polls in a row (0 after a good one)
    error         TEXT                       -- the reason of the last failed poll
) WITHOUT ROWID;

-- An article URL found in a source. status: pending (to fetch), retry (failed in a way that may pass: a
-- timeout, a 5xx), done (fetched; article_id says what was stored, NULL for a 304), failed (for good).
CREATE TABLE fetched_urls (
    url           TEXT PRIMARY KEY,
    feed          TEXT REFERENCES feeds (url) ON DELETE SET NULL,  -- the source it was first found in
    status        TEXT NOT NULL DEFAULT 'pending',
    entry_updated TEXT,                      -- the feed entry's updated/published stamp when last seen
    title         TEXT,                      -- and its title and date, as the article's metadata
    published     TEXT,
    final_url     TEXT,                      -- where redirects ended
    etag          TEXT,
    last_modified TEXT,
    attempts      INTEGER NOT NULL DEFAULT 0,
    error         TEXT,                      -- the reason of the last failure
    article_id    TEXT REFERENCES articles (id) ON DELETE SET NULL,
    found_at      TEXT NOT NULL,
    fetched_at    TEXT
) WITHOUT ROWID;
CREATE INDEX fetched_urls_status ON fetched_urls (status);
CREATE INDEX fetched_urls_article ON fetched_urls (article_id);

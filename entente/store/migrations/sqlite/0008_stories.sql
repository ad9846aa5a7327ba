-- Stories (entente/store/stories.py, `entente stories`): the original articles of any language and outlet that
-- report the same news. Filled by the stories command, not at ingest (embedding is slow): an article stored
-- since has no story until the command runs again.
-- article_embeddings keeps each article's title + lead embedding, so matching again never embeds again; the
-- vector is 384 int8 components scaled so the largest is ±127 (a cosine needs no scale). `model` names the
-- model and text recipe (stories.MODEL): an embedding made otherwise is made again.
CREATE TABLE article_embeddings (
    article_id TEXT PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
    model      TEXT NOT NULL,
    vector     BLOB NOT NULL
) WITHOUT ROWID;

-- A story's id is the article id of its first article (in stored order); an article without a day date is a
-- story of its own. Dates and counts are those of its articles.
CREATE TABLE stories (
    id        TEXT PRIMARY KEY,
    first     TEXT,                          -- earliest and latest publication date of its articles
    last      TEXT,
    articles  INTEGER NOT NULL,
    sources   INTEGER NOT NULL,              -- distinct outlets
    languages INTEGER NOT NULL               -- distinct article languages
);
CREATE INDEX stories_first ON stories (first);
CREATE INDEX stories_size ON stories (articles, last);

CREATE TABLE story_articles (                -- every original article the command has seen: its story
    article_id TEXT PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
    story_id   TEXT NOT NULL REFERENCES stories (id) ON DELETE CASCADE,
    similarity REAL                          -- the average score it joined with; NULL for a story's first
) WITHOUT ROWID;
CREATE INDEX story_articles_story ON story_articles (story_id);

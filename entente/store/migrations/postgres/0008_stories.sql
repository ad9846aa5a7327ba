-- The same as migrations/sqlite/0008_stories.sql (see the comments there).
CREATE TABLE article_embeddings (
    article_id text PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
    model      text NOT NULL,
    vector     bytea NOT NULL
);

CREATE TABLE stories (
    id        text PRIMARY KEY,
    first     text,
    last      text,
    articles  integer NOT NULL,
    sources   integer NOT NULL,
    languages integer NOT NULL
);
CREATE INDEX stories_first ON stories (first);
CREATE INDEX stories_size ON stories (articles, last);

CREATE TABLE story_articles (
    article_id text PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
    story_id   text NOT NULL REFERENCES stories (id) ON DELETE CASCADE,
    similarity double precision
);
CREATE INDEX story_articles_story ON story_articles (story_id);

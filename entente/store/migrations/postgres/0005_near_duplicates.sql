-- The same as migrations/sqlite/0005_near_duplicates.sql (see the comments there).
ALTER TABLE articles ADD COLUMN duplicate_of text REFERENCES articles (id);
ALTER TABLE articles ADD COLUMN duplicate_similarity double precision;
CREATE INDEX articles_duplicates ON articles (duplicate_of) WHERE duplicate_of IS NOT NULL;

CREATE TABLE article_bands (
    key        bigint NOT NULL,
    article_id text NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    PRIMARY KEY (key, article_id)
);

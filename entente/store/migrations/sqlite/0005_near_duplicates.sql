-- Near-duplicate articles (entente/store/near_dups.py): an article whose cleaned body is a near-duplicate of
-- one stored before it (the same story re-scraped with other page furniture, or lightly edited) is stored
-- whole, but points to that original and is left out of counts and record queries.
-- article_bands is the MinHash LSH index of the originals: one row per (band key, article). A new article's
-- candidates are the originals sharing a band key with it; the exact Jaccard similarity of the two bodies'
-- word shingles then decides. Articles stored before this migration are indexed (and checked) right after it.
ALTER TABLE articles ADD COLUMN duplicate_of TEXT REFERENCES articles (id);
ALTER TABLE articles ADD COLUMN duplicate_similarity REAL;  -- shingle Jaccard similarity to the original
CREATE INDEX articles_duplicates ON articles (duplicate_of) WHERE duplicate_of IS NOT NULL;

CREATE TABLE article_bands (
    key        INTEGER NOT NULL,             -- 64-bit hash of one band of the MinHash signature (and its number)
    article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    PRIMARY KEY (key, article_id)
) WITHOUT ROWID;

-- Marking a duplicate updates its row: the full-text index is refreshed only when the title or text changes.
DROP TRIGGER articles_au;
CREATE TRIGGER articles_au AFTER UPDATE OF title, text ON articles BEGIN
    INSERT INTO articles_fts (articles_fts, rowid, title, text) VALUES ('delete', old.rowid, old.title, old.text);
    INSERT INTO articles_fts (rowid, title, text) VALUES (new.rowid, new.title, new.text);
END;

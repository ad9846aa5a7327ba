-- Event clusters (entente/store/clusters.py): the reports of one real-world event across articles, outlets
-- and languages. Every event report of an original article (not of a near-duplicate) belongs to exactly one
-- cluster, attached at ingest: same type, negation and modality; overlapping actor and recipient countries
-- (either way round for CONSULT, COOPERATE, AGREE); dates within 3 days (the same month when one is only a
-- month); compatible locations. A cluster's id is the event id of its first report. Reports stored before
-- this migration are clustered right after it, in the order their articles were stored.
CREATE TABLE event_clusters (
    id                  TEXT PRIMARY KEY,    -- events.id of its first report
    type                TEXT NOT NULL,       -- PLOVER event type
    negated             INTEGER NOT NULL CHECK (negated IN (0, 1)),
    modality            TEXT NOT NULL,       -- asserted | future | hypothetical
    actor_countries     TEXT NOT NULL DEFAULT '[]',  -- JSON array: countries of the first report's actors
    recipient_countries TEXT NOT NULL DEFAULT '[]',  --   (an actor without a country stands for itself: org:NATO)
    location            TEXT,                -- actor id of the first place a report names
    first               TEXT,                -- earliest and latest report date: YYYY-MM-DD, YYYY-MM or YYYY
    last                TEXT,                --   (a report without a date of its own: its article's date)
    precision           TEXT,                -- day | month | year: the coarsest report date
    mentions            INTEGER NOT NULL,    -- event reports (sentences)
    reports             INTEGER NOT NULL,    -- articles reporting it
    sources             INTEGER NOT NULL,    -- distinct outlets
    languages           INTEGER NOT NULL     -- distinct article languages
);
CREATE INDEX event_clusters_type_first ON event_clusters (type, first);

CREATE TABLE event_cluster_keys (            -- how a new report finds the clusters it may join
    key        TEXT NOT NULL,                -- type|actor country|recipient country|month (or year) of the first report
    cluster_id TEXT NOT NULL REFERENCES event_clusters (id) ON DELETE CASCADE,
    PRIMARY KEY (key, cluster_id)
) WITHOUT ROWID;

ALTER TABLE events ADD COLUMN cluster_id TEXT REFERENCES event_clusters (id);
CREATE INDEX events_cluster ON events (cluster_id);

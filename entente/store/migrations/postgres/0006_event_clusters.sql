-- The same as migrations/sqlite/0006_event_clusters.sql (see the comments there).
CREATE TABLE event_clusters (
    id                  text PRIMARY KEY,
    type                text NOT NULL,
    negated             boolean NOT NULL,
    modality            text NOT NULL,
    actor_countries     jsonb NOT NULL DEFAULT '[]',
    recipient_countries jsonb NOT NULL DEFAULT '[]',
    location            text,
    first               text,
    last                text,
    precision           text,
    mentions            integer NOT NULL,
    reports             integer NOT NULL,
    sources             integer NOT NULL,
    languages           integer NOT NULL
);
CREATE INDEX event_clusters_type_first ON event_clusters (type, first);

CREATE TABLE event_cluster_keys (
    key        text COLLATE "C" NOT NULL,
    cluster_id text NOT NULL REFERENCES event_clusters (id) ON DELETE CASCADE,
    PRIMARY KEY (key, cluster_id)
);

ALTER TABLE events ADD COLUMN cluster_id text REFERENCES event_clusters (id);
CREATE INDEX events_cluster ON events (cluster_id);

-- The same record as migrations/sqlite/0002_record.sql (see the comments there), in PostgreSQL types:
-- boolean flags, jsonb arrays, and C collation on name keys so prefix matches use the index.

CREATE TABLE removed (
    article_id text NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    seq        integer NOT NULL,
    line       integer NOT NULL,
    text       text NOT NULL,
    reason     text NOT NULL,
    PRIMARY KEY (article_id, seq)
);

CREATE TABLE paragraphs (
    article_id text NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    seq        integer NOT NULL,
    "start"    integer NOT NULL,
    "end"      integer NOT NULL,
    lang       text,
    PRIMARY KEY (article_id, seq)
);

CREATE TABLE actors (
    id      text PRIMARY KEY,
    name    text NOT NULL,
    type    text NOT NULL,
    country text,
    sector  text
);
CREATE INDEX actors_type ON actors (type);
CREATE INDEX actors_country ON actors (country);

CREATE TABLE actor_names (
    actor_id text NOT NULL REFERENCES actors (id),
    key      text COLLATE "C" NOT NULL,
    text     text NOT NULL,
    mentions integer NOT NULL DEFAULT 0,
    PRIMARY KEY (actor_id, key)
);
CREATE INDEX actor_names_key ON actor_names (key);

CREATE TABLE article_actors (
    article_id text NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    actor_id   text NOT NULL REFERENCES actors (id),
    seq        integer NOT NULL,
    mentions   integer NOT NULL,
    PRIMARY KEY (article_id, actor_id)
);
CREATE INDEX article_actors_actor ON article_actors (actor_id);

CREATE TABLE mentions (
    article_id text NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    actor_id   text NOT NULL REFERENCES actors (id),
    "start"    integer NOT NULL,
    "end"      integer NOT NULL,
    text       text NOT NULL,
    PRIMARY KEY (article_id, actor_id, "start", "end")
);

CREATE TABLE quotes (
    article_id   text NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    seq          integer NOT NULL,
    speaker      text,
    speaker_text text,
    text         text NOT NULL,
    "start"      integer NOT NULL,
    "end"        integer NOT NULL,
    partial      boolean NOT NULL,
    PRIMARY KEY (article_id, seq)
);
CREATE INDEX quotes_speaker ON quotes (speaker);

CREATE TABLE events (
    article_id text NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    id         text NOT NULL,
    seq        integer NOT NULL,
    type       text NOT NULL,
    mode       text,
    context    jsonb NOT NULL DEFAULT '[]',
    actor      jsonb NOT NULL DEFAULT '[]',
    recipient  jsonb NOT NULL DEFAULT '[]',
    date       text,
    location   text,
    negated    boolean NOT NULL,
    modality   text NOT NULL,
    trigger    text NOT NULL,
    sentence   text NOT NULL,
    "start"    integer NOT NULL,
    "end"      integer NOT NULL,
    confidence double precision NOT NULL,
    PRIMARY KEY (article_id, id)
);
CREATE INDEX events_date ON events (date);
CREATE INDEX events_type_date ON events (type, date);

CREATE TABLE event_actors (
    article_id text NOT NULL,
    event_id   text NOT NULL,
    role       text NOT NULL CHECK (role IN ('actor', 'recipient')),
    seq        integer NOT NULL,
    actor_id   text NOT NULL,
    PRIMARY KEY (article_id, event_id, role, seq),
    FOREIGN KEY (article_id, event_id) REFERENCES events (article_id, id) ON DELETE CASCADE
);
CREATE INDEX event_actors_actor ON event_actors (actor_id, role);

-- Everything the analyzer produces, as plain tables: removed lines, paragraphs, actors and their mentions,
-- quotes, events. Offsets ("start", "end") point into articles.text; seq keeps the order of each list.
-- Articles stored before this migration get their rows from their analysis JSON (the store fills them
-- in right after it; 0003 then drops the JSON, which the tables now hold).
-- Tables keyed by (article, position) are WITHOUT ROWID: one b-tree each, fast to fill.

CREATE TABLE removed (                       -- page lines taken out of the body, with the reason
    article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    seq        INTEGER NOT NULL,             -- order in the article
    line       INTEGER NOT NULL,             -- 1-based line in the page as read
    text       TEXT NOT NULL,
    reason     TEXT NOT NULL,                -- title, date, rubric, teaser, footer, ...
    PRIMARY KEY (article_id, seq)
) WITHOUT ROWID;

CREATE TABLE paragraphs (
    article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    seq        INTEGER NOT NULL,
    "start"    INTEGER NOT NULL,
    "end"      INTEGER NOT NULL,
    lang       TEXT,
    PRIMARY KEY (article_id, seq)
) WITHOUT ROWID;

CREATE TABLE actors (                        -- one row per actor id; the newest knowledge base wins
    id      TEXT PRIMARY KEY,                -- person:vladimir-putin, RUS, org:NATO, org:RUS-MFA, ...
    name    TEXT NOT NULL,                   -- canonical English name
    type    TEXT NOT NULL,                   -- person | country | organization | location | group
    country TEXT,                            -- ISO alpha-3
    sector  TEXT                             -- CAMEO/PLOVER sector code: GOV, MIL, IGO, ...
);
CREATE INDEX actors_type ON actors (type);
CREATE INDEX actors_country ON actors (country);

CREATE TABLE actor_names (                   -- every form an actor was seen under, and its canonical name
    actor_id TEXT NOT NULL REFERENCES actors (id),
    key      TEXT NOT NULL,                  -- case-folded, ё as е: what a typed name is matched against
    text     TEXT NOT NULL,                  -- the form as first seen
    mentions INTEGER NOT NULL DEFAULT 0,     -- mentions under this form (0: only the canonical name)
    PRIMARY KEY (actor_id, key)
) WITHOUT ROWID;
CREATE INDEX actor_names_key ON actor_names (key);

CREATE TABLE article_actors (                -- which actors an article mentions, and how often
    article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    actor_id   TEXT NOT NULL REFERENCES actors (id),
    seq        INTEGER NOT NULL,             -- order in the article's actors
    mentions   INTEGER NOT NULL,
    PRIMARY KEY (article_id, actor_id)
) WITHOUT ROWID;
CREATE INDEX article_actors_actor ON article_actors (actor_id);

CREATE TABLE mentions (
    article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    actor_id   TEXT NOT NULL REFERENCES actors (id),
    "start"    INTEGER NOT NULL,
    "end"      INTEGER NOT NULL,
    text       TEXT NOT NULL,                -- as written: "Путиным", "Китайского лидера"
    PRIMARY KEY (article_id, actor_id, "start", "end")
) WITHOUT ROWID;

CREATE TABLE quotes (
    article_id   TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    seq          INTEGER NOT NULL,
    speaker      TEXT,                       -- actor id, when the speaker is known
    speaker_text TEXT,                       -- how the article names the speaker
    text         TEXT NOT NULL,
    "start"      INTEGER NOT NULL,
    "end"        INTEGER NOT NULL,
    partial      INTEGER NOT NULL CHECK (partial IN (0, 1)),  -- a fragment inside the author's sentence
    PRIMARY KEY (article_id, seq)
) WITHOUT ROWID;
CREATE INDEX quotes_speaker ON quotes (speaker);

CREATE TABLE events (                        -- one row per event report: (article, event id)
    article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    id         TEXT NOT NULL,                -- the coder's event id
    seq        INTEGER NOT NULL,             -- order in the article's events
    type       TEXT NOT NULL,                -- PLOVER event type: CONSULT, AGREE, SANCTION, ...
    mode       TEXT,
    context    TEXT NOT NULL DEFAULT '[]',   -- JSON array of PLOVER contexts
    actor      TEXT NOT NULL DEFAULT '[]',   -- JSON array of actor ids (indexed in event_actors)
    recipient  TEXT NOT NULL DEFAULT '[]',   -- JSON array of actor ids (indexed in event_actors)
    date       TEXT,                         -- YYYY-MM-DD, YYYY-MM or YYYY
    location   TEXT,                         -- actor id of the place
    negated    INTEGER NOT NULL CHECK (negated IN (0, 1)),
    modality   TEXT NOT NULL,                -- asserted | future | hypothetical
    trigger    TEXT NOT NULL,                -- the words that triggered it
    sentence   TEXT NOT NULL,                -- the evidence
    "start"    INTEGER NOT NULL,             -- of the sentence
    "end"      INTEGER NOT NULL,
    confidence REAL NOT NULL,
    PRIMARY KEY (article_id, id)
) WITHOUT ROWID;
CREATE INDEX events_date ON events (date);
CREATE INDEX events_type_date ON events (type, date);

CREATE TABLE event_actors (                  -- actors and recipients of event reports, for queries by actor
    article_id TEXT NOT NULL,
    event_id   TEXT NOT NULL,
    role       TEXT NOT NULL CHECK (role IN ('actor', 'recipient')),
    seq        INTEGER NOT NULL,             -- position in the event's actor / recipient list
    actor_id   TEXT NOT NULL,
    PRIMARY KEY (article_id, event_id, role, seq),
    FOREIGN KEY (article_id, event_id) REFERENCES events (article_id, id) ON DELETE CASCADE
) WITHOUT ROWID;
CREATE INDEX event_actors_actor ON event_actors (actor_id, role);

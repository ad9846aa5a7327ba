-- Country pairs of event reports, for dyad series and dyad queries (entente/store/dyad.py): one row per
-- (pair of countries, report), the pair in code order (country_a <= country_b) with the direction(s) the
-- report goes, so one range of the primary key holds a dyad's reports both ways, grouped by type, mode and
-- month as a series counts them. A country is the actor's own (a person or body counts for its country), or
-- the actor id of an actor without one (org:NATO). `date` is the event's date, else its article's
-- publication date ('' when neither is known). Reports of near-duplicate articles have no rows.
-- The store writes the rows with each batch (the countries as they stood then); triggers keep cluster_id and
-- near-duplicate marks in step; this fills the rows of the reports stored before.
CREATE TABLE event_dyads (
    country_a  TEXT NOT NULL,
    country_b  TEXT NOT NULL,
    type       TEXT NOT NULL,
    mode       TEXT NOT NULL,                -- '' when the report has none
    month      TEXT NOT NULL,                -- YYYY-MM of date; YYYY when only the year is known; '' unknown
    date       TEXT NOT NULL,
    article_id TEXT NOT NULL,
    event_id   TEXT NOT NULL,
    a_to_b     INTEGER NOT NULL CHECK (a_to_b IN (0, 1)),   -- an actor of country_a, a recipient of country_b
    b_to_a     INTEGER NOT NULL CHECK (b_to_a IN (0, 1)),   -- and the other way round
    negated    INTEGER NOT NULL CHECK (negated IN (0, 1)),
    cluster_id TEXT,                         -- events.cluster_id: a cluster counts once, at its first report
    PRIMARY KEY (country_a, country_b, type, mode, month, date, article_id, event_id),
    FOREIGN KEY (article_id, event_id) REFERENCES events (article_id, id) ON DELETE CASCADE
) WITHOUT ROWID;
CREATE INDEX event_dyads_date ON event_dyads (country_a, country_b, date);
CREATE INDEX event_dyads_event ON event_dyads (article_id, event_id);

CREATE TRIGGER events_cluster_dyads AFTER UPDATE OF cluster_id ON events BEGIN
    UPDATE event_dyads SET cluster_id = new.cluster_id WHERE article_id = new.article_id AND event_id = new.id;
END;
CREATE TRIGGER articles_duplicate_dyads AFTER UPDATE OF duplicate_of ON articles
WHEN new.duplicate_of IS NOT NULL BEGIN
    DELETE FROM event_dyads WHERE article_id = new.id;
END;

INSERT INTO event_dyads (country_a, country_b, type, mode, month, date, article_id, event_id,
    a_to_b, b_to_a, negated, cluster_id)
SELECT CASE WHEN p.actor <= p.recipient THEN p.actor ELSE p.recipient END,
    CASE WHEN p.actor <= p.recipient THEN p.recipient ELSE p.actor END,
    p.type, p.mode, CASE WHEN length(p.date) >= 7 THEN substr(p.date, 1, 7) ELSE p.date END, p.date,
    p.article_id, p.event_id, max(CASE WHEN p.actor <= p.recipient THEN 1 ELSE 0 END),
    max(CASE WHEN p.actor >= p.recipient THEN 1 ELSE 0 END), p.negated, p.cluster_id
FROM (
    SELECT e.article_id, e.id AS event_id, e.type, coalesce(e.mode, '') AS mode, e.negated, e.cluster_id,
        coalesce(e.date, a.published, '') AS date, coalesce(xs.country, s.actor_id) AS actor,
        coalesce(xr.country, r.actor_id) AS recipient
    FROM articles a
    JOIN events e ON e.article_id = a.id
    JOIN event_actors s ON s.article_id = e.article_id AND s.event_id = e.id AND s.role = 'actor'
    JOIN event_actors r ON r.article_id = e.article_id AND r.event_id = e.id AND r.role = 'recipient'
    LEFT JOIN actors xs ON xs.id = s.actor_id
    LEFT JOIN actors xr ON xr.id = r.actor_id
    WHERE a.duplicate_of IS NULL
) p
GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 11, 12;

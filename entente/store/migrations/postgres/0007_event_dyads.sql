-- The same as migrations/sqlite/0007_event_dyads.sql (see the comments there). The primary key index
-- includes the remaining columns, so a series is an index-only scan; pairs are put in code order by the C
-- collation (byte order, as Python's), whatever the database's own.
CREATE TABLE event_dyads (
    country_a  text COLLATE "C" NOT NULL,
    country_b  text COLLATE "C" NOT NULL,
    type       text NOT NULL,
    mode       text NOT NULL,
    month      text COLLATE "C" NOT NULL,
    date       text COLLATE "C" NOT NULL,
    article_id text NOT NULL,
    event_id   text NOT NULL,
    a_to_b     smallint NOT NULL CHECK (a_to_b IN (0, 1)),
    b_to_a     smallint NOT NULL CHECK (b_to_a IN (0, 1)),
    negated    boolean NOT NULL,
    cluster_id text,
    PRIMARY KEY (country_a, country_b, type, mode, month, date, article_id, event_id)
        INCLUDE (a_to_b, b_to_a, negated, cluster_id),
    FOREIGN KEY (article_id, event_id) REFERENCES events (article_id, id) ON DELETE CASCADE
);
CREATE INDEX event_dyads_date ON event_dyads (country_a, country_b, date)
    INCLUDE (a_to_b, b_to_a, negated, cluster_id);
CREATE INDEX event_dyads_event ON event_dyads (article_id, event_id);

CREATE FUNCTION event_dyads_cluster() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE event_dyads SET cluster_id = NEW.cluster_id WHERE article_id = NEW.article_id AND event_id = NEW.id;
    RETURN NULL;
END $$;
CREATE TRIGGER events_cluster_dyads AFTER UPDATE OF cluster_id ON events FOR EACH ROW
    WHEN (OLD.cluster_id IS DISTINCT FROM NEW.cluster_id) EXECUTE FUNCTION event_dyads_cluster();

CREATE FUNCTION event_dyads_duplicate() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM event_dyads WHERE article_id = NEW.id;
    RETURN NULL;
END $$;
CREATE TRIGGER articles_duplicate_dyads AFTER UPDATE OF duplicate_of ON articles FOR EACH ROW
    WHEN (NEW.duplicate_of IS NOT NULL) EXECUTE FUNCTION event_dyads_duplicate();

INSERT INTO event_dyads (country_a, country_b, type, mode, month, date, article_id, event_id,
    a_to_b, b_to_a, negated, cluster_id)
SELECT CASE WHEN p.actor COLLATE "C" <= p.recipient THEN p.actor ELSE p.recipient END,
    CASE WHEN p.actor COLLATE "C" <= p.recipient THEN p.recipient ELSE p.actor END,
    p.type, p.mode, CASE WHEN length(p.date) >= 7 THEN substr(p.date, 1, 7) ELSE p.date END, p.date,
    p.article_id, p.event_id, max(CASE WHEN p.actor COLLATE "C" <= p.recipient THEN 1 ELSE 0 END),
    max(CASE WHEN p.actor COLLATE "C" >= p.recipient THEN 1 ELSE 0 END), p.negated, p.cluster_id
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

-- The same as migrations/sqlite/0010_views.sql (see the comments there).


CREATE VIEW event_reports AS
SELECT e.article_id, e.id AS event_id, e.cluster_id, e.type, e.mode, e.negated, e.modality, e.historical,
    coalesce(e.date, a.published) AS day, e.date,
    (SELECT string_agg(x.name, ', ' ORDER BY ea.seq) FROM event_actors ea JOIN actors x ON x.id = ea.actor_id
        WHERE ea.article_id = e.article_id AND ea.event_id = e.id AND ea.role = 'actor') AS actor_names,
    (SELECT string_agg(x.name, ', ' ORDER BY ea.seq) FROM event_actors ea JOIN actors x ON x.id = ea.actor_id
        WHERE ea.article_id = e.article_id AND ea.event_id = e.id AND ea.role = 'recipient') AS recipient_names,
    e.actor, e.recipient, e.location, e.trigger, e.rule, e.sentence, e."start", e."end", e.confidence,
    a.title, a.published, a.lang, a.source, a.url
FROM events e JOIN articles a ON a.id = e.article_id
WHERE a.duplicate_of IS NULL;


CREATE VIEW quote_records AS
SELECT q.article_id, q.seq, q.speaker, x.name AS speaker_name, x.country AS speaker_country, q.speaker_text,
    q.text, q.partial, q."start", q."end", a.title, a.published, a.lang, a.source, a.url
FROM quotes q JOIN articles a ON a.id = q.article_id LEFT JOIN actors x ON x.id = q.speaker
WHERE a.duplicate_of IS NULL;


CREATE VIEW mention_records AS
SELECT m.article_id, m.actor_id, x.name AS actor_name, x.type AS actor_type, x.country AS actor_country, m.text,
    m."start", m."end", a.title, a.published, a.lang, a.source
FROM mentions m JOIN actors x ON x.id = m.actor_id JOIN articles a ON a.id = m.article_id
WHERE a.duplicate_of IS NULL;

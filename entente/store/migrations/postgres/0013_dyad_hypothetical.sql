-- The same as migrations/sqlite/0013_dyad_hypothetical.sql (see the comments there): a hypothetical report's
-- dyad rows are marked, and the series index holds the mark.
ALTER TABLE event_dyads ADD COLUMN hypothetical boolean NOT NULL DEFAULT false;
UPDATE event_dyads SET hypothetical = true WHERE EXISTS (
    SELECT 1 FROM events e
    WHERE e.article_id = event_dyads.article_id AND e.id = event_dyads.event_id AND e.modality = 'hypothetical'
);
DROP INDEX event_dyads_series;
CREATE INDEX event_dyads_series ON event_dyads (country_a, country_b, month, type, mode)
    INCLUDE (date, a_to_b, b_to_a, negated, hypothetical, cluster_id, event_id);

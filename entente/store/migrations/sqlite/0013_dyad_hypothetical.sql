-- Dyad series (entente/store/dyad.py) count what happened: a hypothetical event report («если Китай поможет
-- России обойти санкции», "if China helped Russia evade sanctions") keeps its row, for the dyad's listing of
-- reports, but is marked, and a series leaves it out. The series index holds the mark, so a series still reads
-- the index only.
ALTER TABLE event_dyads ADD COLUMN hypothetical INTEGER NOT NULL DEFAULT 0 CHECK (hypothetical IN (0, 1));
UPDATE event_dyads SET hypothetical = 1 WHERE EXISTS (
    SELECT 1 FROM events e
    WHERE e.article_id = event_dyads.article_id AND e.id = event_dyads.event_id AND e.modality = 'hypothetical'
);
DROP INDEX event_dyads_series;
CREATE INDEX event_dyads_series ON event_dyads (country_a, country_b, month, type, mode, date, a_to_b, b_to_a,
    negated, hypothetical, cluster_id);

-- Dyad series (entente/store/dyad.py) read a pair's rows in a date range by month, type and mode: this index
-- holds every column a series needs (the table's remaining key columns, article_id and event_id, come with it),
-- so a series of a few years reads those years' rows only, in the order it groups them, without the table.
CREATE INDEX event_dyads_series ON event_dyads (country_a, country_b, month, type, mode, date, a_to_b, b_to_a,
    negated, cluster_id);

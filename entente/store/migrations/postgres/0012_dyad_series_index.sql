-- The same as migrations/sqlite/0012_dyad_series_index.sql (see the comments there): a series of a few years
-- reads those years' rows of the pair only, index-only, in the order it groups them.
CREATE INDEX event_dyads_series ON event_dyads (country_a, country_b, month, type, mode)
    INCLUDE (date, a_to_b, b_to_a, negated, cluster_id, event_id);

-- Events carry `rule`: the named rule that made them and how their clause holds them (entente trace);
-- mentions carry `why`: why a person was linked (full name, surname after full name, title at date, ...);
-- actors carry `romanized`: a foreign name spelled by transliteration, not to be trusted.
ALTER TABLE events ADD COLUMN rule TEXT NOT NULL DEFAULT '';
ALTER TABLE mentions ADD COLUMN why TEXT NOT NULL DEFAULT '';
ALTER TABLE actors ADD COLUMN romanized boolean NOT NULL DEFAULT false;

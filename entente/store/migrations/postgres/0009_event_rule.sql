-- Events carry `rule`: the named rule that made them and how their clause holds them (entente trace).
ALTER TABLE events ADD COLUMN rule TEXT NOT NULL DEFAULT '';

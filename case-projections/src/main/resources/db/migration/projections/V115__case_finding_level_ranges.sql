-- A finding that several clearance levels of a case see alike is stored once, for the levels from `clearance` (the
-- lowest, in the key) through `clearance_through`, instead of once per level: in a case whose levels differ by a
-- secret fact or two, most findings are the same at every level, and three copies of each were most of the
-- database's work in a rebuild. Readers at a level take the rows whose range holds it. Rows written before this hold
-- one level each, until a write of all their case's levels (or a rebuild) joins them.
-- Rewrites every row under an exclusive lock: stop the nodes of the older release first (they would also read only
-- the rows that begin at their reader's level).
ALTER TABLE case_finding ADD COLUMN clearance_through TEXT;
UPDATE case_finding SET clearance_through = clearance;
ALTER TABLE case_finding ALTER COLUMN clearance_through SET NOT NULL;
-- the levels in their order (Confidentiality), each a level's name: a range never runs downwards, and a reader at the
-- lowest level, who asks only where a row begins, cannot meet a row whose end is not a level
ALTER TABLE case_finding ADD CONSTRAINT case_finding_levels CHECK (
    array_position(ARRAY['PUBLIC', 'RESTRICTED', 'CONFIDENTIAL'], clearance) IS NOT NULL
    AND array_position(ARRAY['PUBLIC', 'RESTRICTED', 'CONFIDENTIAL'], clearance_through) IS NOT NULL
    AND array_position(ARRAY['PUBLIC', 'RESTRICTED', 'CONFIDENTIAL'], clearance_through)
        >= array_position(ARRAY['PUBLIC', 'RESTRICTED', 'CONFIDENTIAL'], clearance));
-- readers above the lowest level ask how high a row goes, as those below the highest ask how low it begins
CREATE INDEX case_finding_filter_through ON case_finding (clearance_through, state, rule_id, severity);

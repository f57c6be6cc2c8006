-- A finding that several clearance levels of a case see alike is stored once, for the levels from `clearance` (the
-- lowest, in the key) through `clearance_through`, instead of once per level: in a case whose levels differ by a
-- secret fact or two, most findings are the same at every level, and three copies of each were most of the
-- database's work in a rebuild. Readers at a level take the rows whose range holds it. Rows written before this hold
-- one level each; a case's next refresh joins them.
ALTER TABLE case_finding ADD COLUMN clearance_through TEXT;
UPDATE case_finding SET clearance_through = clearance;
ALTER TABLE case_finding ALTER COLUMN clearance_through SET NOT NULL;

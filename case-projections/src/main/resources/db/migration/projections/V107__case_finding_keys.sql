-- A finding row is known by what it is, not by where it falls in its case's list: its rule, its start to the
-- microsecond, and its ordinal among the case's findings of that rule and start (in the order the rule gives them).
-- Keyed by position, a fact landing early in a case's history moved every later finding one place down, so the
-- projection rewrote most of a case's rows for one new finding. The key is the text FindingKeys writes.
-- byte order: the key is an identifier, and byte comparisons are the cheapest an index makes
ALTER TABLE case_finding ADD COLUMN finding_key TEXT COLLATE "C";

UPDATE case_finding AS finding
SET finding_key = keyed.finding_key
FROM (SELECT case_id, clearance, position,
             rule_id || '@' || (extract(epoch FROM start_at) * 1000000)::bigint || '#'
                 || (row_number() OVER (PARTITION BY case_id, clearance, rule_id, start_at ORDER BY position) - 1)
                 AS finding_key
      FROM case_finding) AS keyed
WHERE finding.case_id = keyed.case_id AND finding.clearance = keyed.clearance AND finding.position = keyed.position;

ALTER TABLE case_finding ALTER COLUMN finding_key SET NOT NULL;
ALTER TABLE case_finding DROP CONSTRAINT case_finding_pkey;
ALTER TABLE case_finding DROP COLUMN position;
ALTER TABLE case_finding ADD PRIMARY KEY (case_id, clearance, finding_key);

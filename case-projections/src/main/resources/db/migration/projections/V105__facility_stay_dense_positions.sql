-- Stays are now numbered 0..n-1 per case and clearance level, in the order of the case's placements: a move in
-- transit no longer takes a number. The projection compares stays by position and writes only those that differ,
-- so rows written before this release are renumbered once here (first out of the way, then densely), not left
-- with gaps that the comparison would misread.
UPDATE facility_stay SET position = -1 - position;

UPDATE facility_stay AS stay
SET position = numbered.dense
FROM (SELECT case_id, clearance, position,
             row_number() OVER (PARTITION BY case_id, clearance ORDER BY position DESC) - 1 AS dense
      FROM facility_stay) AS numbered
WHERE stay.case_id = numbered.case_id AND stay.clearance = numbered.clearance AND stay.position = numbered.position;

-- A stay row is known by what it is, not by where it falls in its case's list: the date it began (the fact's text,
-- with its precision) and its ordinal among the case's stays begun that date (in the order of the placements). Keyed
-- by position, a transfer learned late moved every later stay one place, so the projection rewrote them all. The key
-- is the text StayKeys writes; byte order, as for findings (V107).
ALTER TABLE facility_stay ADD COLUMN stay_key TEXT COLLATE "C";

UPDATE facility_stay AS stay
SET stay_key = keyed.stay_key
FROM (SELECT case_id, clearance, position,
             since || '#' || (row_number() OVER (PARTITION BY case_id, clearance, since ORDER BY position) - 1) AS stay_key
      FROM facility_stay) AS keyed
WHERE stay.case_id = keyed.case_id AND stay.clearance = keyed.clearance AND stay.position = keyed.position;

ALTER TABLE facility_stay ALTER COLUMN stay_key SET NOT NULL;
ALTER TABLE facility_stay DROP CONSTRAINT facility_stay_pkey;
ALTER TABLE facility_stay DROP COLUMN position;
ALTER TABLE facility_stay ADD PRIMARY KEY (case_id, clearance, stay_key);

-- Without a default, a row written without a level (by a node of an earlier version, during an upgrade) fails instead
-- of listing a confidential site to every viewer; every row V112 found has its level.
ALTER TABLE facility_view ALTER COLUMN confidentiality DROP DEFAULT;

-- The SHA-256 of each finding's JSON as the projection wrote it. A refresh compares the stored findings of a case by
-- it (and by their columns) instead of reading their JSON back and decoding it, which was a good part of the live
-- projection's work. Rows written before this have none, and are written once more when their case is next refreshed.
ALTER TABLE case_finding ADD COLUMN finding_digest BYTEA;

-- A read that can reach many cases at once (a list, an export, the audit stream, the dashboard's overview) is in the
-- trail too, with no case of its own: the request it records says what was read.
ALTER TABLE read_audit ALTER COLUMN case_id DROP NOT NULL;

-- Who read a case with a clearance above public, when, and what: the trail auditors read for restricted and
-- confidential facts. Not rebuilt by replay: it records reads, not events.
CREATE TABLE read_audit (
    read_id   BIGSERIAL PRIMARY KEY,
    reader    TEXT        NOT NULL,
    clearance TEXT        NOT NULL,
    case_id   UUID        NOT NULL,
    what      TEXT        NOT NULL,
    read_at   TIMESTAMPTZ NOT NULL
);
CREATE INDEX read_audit_case ON read_audit (case_id, read_at);
CREATE INDEX read_audit_reader ON read_audit (reader, read_at);

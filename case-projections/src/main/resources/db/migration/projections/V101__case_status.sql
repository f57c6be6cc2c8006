-- Each case's status, findings and stays, once per clearance level (public, restricted, confidential), so that
-- a reader's status is computed only from facts that reader may see, and read with one indexed lookup.
CREATE TABLE case_status (
    case_id       UUID        NOT NULL,
    clearance     TEXT        NOT NULL,
    names_search  TEXT        NOT NULL,
    custody_state TEXT        NOT NULL,
    facility_id   UUID,
    country       TEXT,
    version       BIGINT      NOT NULL,
    evaluated_at  TIMESTAMPTZ NOT NULL,
    next_due_at   TIMESTAMPTZ,
    status        JSONB       NOT NULL,
    PRIMARY KEY (case_id, clearance)
);
CREATE INDEX case_status_state ON case_status (clearance, custody_state);
CREATE INDEX case_status_facility ON case_status (clearance, facility_id);
CREATE INDEX case_status_country ON case_status (clearance, country);
CREATE INDEX case_status_due ON case_status (next_due_at);

CREATE TABLE case_finding (
    case_id     UUID        NOT NULL,
    clearance   TEXT        NOT NULL,
    position    INTEGER     NOT NULL,
    rule_id     TEXT        NOT NULL,
    kind        TEXT        NOT NULL,
    severity    TEXT        NOT NULL,
    state       TEXT        NOT NULL,
    start_at    TIMESTAMPTZ NOT NULL,
    end_at      TIMESTAMPTZ,
    facility_id UUID,
    country     TEXT,
    finding     JSONB       NOT NULL,
    PRIMARY KEY (case_id, clearance, position)
);
CREATE INDEX case_finding_filter ON case_finding (clearance, state, rule_id, severity);
CREATE INDEX case_finding_facility ON case_finding (clearance, facility_id);

CREATE TABLE facility_stay (
    case_id     UUID    NOT NULL,
    clearance   TEXT    NOT NULL,
    position    INTEGER NOT NULL,
    facility_id UUID    NOT NULL,
    since       TEXT    NOT NULL,
    until       TEXT,
    PRIMARY KEY (case_id, clearance, position)
);
CREATE INDEX facility_stay_facility ON facility_stay (clearance, facility_id);

-- How each clearance level of a case stood when the status read model was last reset: when it was evaluated, and
-- the instant from which time alone could change it. A rebuild computes a case without alerts, since its facts were
-- alerted when they landed; but a finding may have opened by time alone since that evaluation, before the reset or
-- while the rebuild ran, and no scheduled re-evaluation alerts it once the reset has emptied the case's rows. So the
-- first status row the rebuild writes for a level fallen due compares it with its evaluation as of then, and alerts
-- the difference. A reset replaces the rows of the cases it finds computed, and keeps those of cases an earlier
-- rebuild has not reached yet. A level that time alone cannot change (no next due instant) needs no row.
CREATE TABLE case_standing_at_reset (
    case_id      UUID        NOT NULL,
    clearance    TEXT        NOT NULL,
    evaluated_at TIMESTAMPTZ NOT NULL,
    next_due_at  TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (case_id, clearance)
);

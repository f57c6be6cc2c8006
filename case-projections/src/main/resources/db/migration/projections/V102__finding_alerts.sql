-- An outbox of findings that opened or escalated, written in the transaction that recomputed the case, so an
-- alert is never lost between the projection and the stream or webhooks; and the webhook delivery record.
CREATE TABLE finding_alert (
    alert_id   BIGSERIAL PRIMARY KEY,
    case_id    UUID        NOT NULL,
    clearance  TEXT        NOT NULL,
    change     TEXT        NOT NULL,
    rule_id    TEXT        NOT NULL,
    severity   TEXT        NOT NULL,
    finding    JSONB       NOT NULL,
    created_at TIMESTAMPTZ NOT NULL
);

CREATE TABLE webhook_delivery (
    alert_id        BIGINT      NOT NULL REFERENCES finding_alert (alert_id),
    url             TEXT        NOT NULL,
    attempts        INTEGER     NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMPTZ NOT NULL,
    delivered_at    TIMESTAMPTZ,
    last_status     INTEGER,
    last_error      TEXT,
    PRIMARY KEY (alert_id, url)
);
CREATE INDEX webhook_delivery_due ON webhook_delivery (next_attempt_at) WHERE delivered_at IS NULL;

CREATE TABLE alert_cursor (
    name     TEXT PRIMARY KEY,
    alert_id BIGINT NOT NULL
);

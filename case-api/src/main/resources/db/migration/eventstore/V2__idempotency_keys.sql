-- One row per (caller, Idempotency-Key): written in the same transaction as the events it acknowledges,
-- so a retried request finds either nothing (and is applied) or the first answer (and stores nothing).
CREATE TABLE idempotency_key (
    principal       VARCHAR(255) NOT NULL,
    idempotency_key VARCHAR(255) NOT NULL,
    request_hash    CHAR(64)     NOT NULL,
    response_status INTEGER,
    response_body   TEXT,
    response_etag   VARCHAR(64),
    location        VARCHAR(512),
    created_at      TIMESTAMPTZ  NOT NULL DEFAULT now(),
    PRIMARY KEY (principal, idempotency_key)
);

-- Tamper evidence: every stored event is bound into a hash chain per aggregate (a case or a facility), written in
-- the transaction that stores the event. Appends to different cases touch different chains, so they never wait
-- on one another; a periodic checkpoint hashes every chain head into one root that can be published elsewhere.
CREATE TABLE event_chain (
    aggregateIdentifier VARCHAR(255) NOT NULL,
    sequenceNumber      BIGINT       NOT NULL,
    eventIdentifier     VARCHAR(255) NOT NULL,
    previous_link       CHAR(64)     NOT NULL,
    link                CHAR(64)     NOT NULL,
    PRIMARY KEY (aggregateIdentifier, sequenceNumber)
);

CREATE TABLE chain_checkpoint (
    checkpoint_id BIGSERIAL PRIMARY KEY,
    created_at    TIMESTAMPTZ NOT NULL,
    events        BIGINT      NOT NULL,
    root          CHAR(64)    NOT NULL,
    heads         JSONB       NOT NULL
);

-- Delayed events (MSC4140) and scheduled messages (issue 7): an event a user asked to be sent later, kept until the
-- scheduler (or the owner's "send" action) sends it, the owner cancels it, or sending it at the due time fails.
-- Finalised rows stay for the owner's list (status sent, cancelled or failed, with finalised_ts).
CREATE TABLE delayed_events (
    delay_id         VARCHAR(255) NOT NULL PRIMARY KEY,
    user_id          VARCHAR(255) NOT NULL,
    device_id        VARCHAR(255),
    -- The client's transaction id of the scheduling request (PUT /send/{type}/{txnId}): a retry names the same row.
    txn_id           VARCHAR(255),
    room_id          VARCHAR(255) NOT NULL,
    event_type       VARCHAR(255) NOT NULL,
    -- NULL for a message event.
    state_key        VARCHAR(255),
    content          TEXT         NOT NULL,
    delay_ms         BIGINT       NOT NULL,
    -- When the delay last started (scheduling or a restart); the event is due at running_since_ts + delay_ms.
    running_since_ts BIGINT       NOT NULL,
    send_ts          BIGINT       NOT NULL,
    -- scheduled | sent | cancelled | failed ("sending" only inside the transaction that sends it).
    status           VARCHAR(16)  NOT NULL,
    finalised_ts     BIGINT,
    event_id         VARCHAR(255),
    -- The standard error response ({"errcode","error"}) of a send that failed at the due time.
    error            TEXT
);
CREATE INDEX delayed_events_due ON delayed_events (status, send_ts);
CREATE INDEX delayed_events_user ON delayed_events (user_id, status, send_ts);
CREATE UNIQUE INDEX delayed_events_txn ON delayed_events (user_id, device_id, txn_id);

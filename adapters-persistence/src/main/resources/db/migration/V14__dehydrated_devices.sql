-- Dehydrated devices (MSC3814): which of a user's devices is their dehydrated device, and its data (canonical JSON,
-- opaque to the server). The device itself is a row of `devices` without access tokens; its keys and to-device
-- messages are stored as any device's. No foreign key to `devices`: the record is dropped in the transaction that
-- deletes the device, whatever the order the two deletions are flushed in. Portable between H2 2.x and PostgreSQL 15+.

CREATE TABLE dehydrated_devices (
    user_id      VARCHAR(255) PRIMARY KEY REFERENCES users (user_id),
    device_id    VARCHAR(255) NOT NULL,
    device_data  TEXT         NOT NULL
);

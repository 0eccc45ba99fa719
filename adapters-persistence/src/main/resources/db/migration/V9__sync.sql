-- Sync shows a client its own events with the transaction id it sent them with: look them up by event.
CREATE INDEX event_txn_ids_event ON event_txn_ids (event_id);

-- Claims take a device's oldest one-time key of an algorithm: an index in that order, so a claim reads one entry
-- instead of sorting all of the device's keys.
CREATE INDEX one_time_keys_order ON one_time_keys (user_id, device_id, algorithm, seq);

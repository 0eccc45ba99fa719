-- Rooms a user has forgotten (POST /rooms/{roomId}/forget): their history is closed to that user until they rejoin.
CREATE TABLE forgotten_rooms (
    user_id    VARCHAR(255) NOT NULL,
    room_id    VARCHAR(255) NOT NULL REFERENCES rooms (room_id),
    PRIMARY KEY (user_id, room_id)
);

package io.zhihang.application.service.room;

import io.zhihang.application.port.out.room.RoomRecord;
import io.zhihang.domain.event.Pdu;

/** An event just persisted, with its stream ordering and the room as it stands after it (new head). */
public record AppendedEvent(Pdu pdu, long streamOrdering, RoomRecord room) {
}

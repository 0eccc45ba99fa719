package io.zhihang.application.port.in.lifecycle;

import io.zhihang.domain.lifecycle.MessageType;
import io.zhihang.domain.protocol.json.JsonObject;

/**
 * A message to send through the seed API: type, text, and for media the {@code mxc://} url and optional info.
 * {@code txnId}, if given, makes a retry return the first message instead of sending again.
 */
public record OutgoingMessage(MessageType type, String text, String url, JsonObject info, String txnId) {
}

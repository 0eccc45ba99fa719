package io.zhihang.application.port.out.lifecycle;

import java.util.Optional;

/**
 * The seed API's numeric ids for rooms ({@code chat_id}) and users ({@code user_id}): each Matrix id gets a number on
 * first use, never reused. (A message's number is its event's stream ordering.) Call it outside transactions: a
 * number is committed as soon as it is handed out.
 */
public interface NumericIds {
    long roomNumber(String roomId);

    Optional<String> roomOf(long number);

    long userNumber(String userId);

    Optional<String> userOf(long number);
}

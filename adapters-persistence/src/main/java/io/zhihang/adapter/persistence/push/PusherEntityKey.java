package io.zhihang.adapter.persistence.push;

import java.io.Serializable;

/** Composite id of {@link PusherEntity}. */
public record PusherEntityKey(String userId, String appId, String pushkey) implements Serializable {
}

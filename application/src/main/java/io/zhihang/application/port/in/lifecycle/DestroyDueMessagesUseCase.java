package io.zhihang.application.port.in.lifecycle;

import java.time.Instant;

/** The self-destruct timer: destroys every message whose time has come; returns how many. */
public interface DestroyDueMessagesUseCase {
    int destroyDue(Instant now);
}

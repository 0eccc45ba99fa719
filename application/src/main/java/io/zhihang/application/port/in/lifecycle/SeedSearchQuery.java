package io.zhihang.application.port.in.lifecycle;

import io.zhihang.domain.auth.Requester;

/**
 * The seed's message search: only rooms the requester may read, and in them only the history they may see; recalled
 * (redacted), destroyed and encrypted messages are never matched (they are not in the index).
 */
public interface SeedSearchQuery {
    SeedSearchPage search(Requester requester, SeedSearch search);
}

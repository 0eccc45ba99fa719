package io.zhihang.application.port.out;

import io.zhihang.domain.auth.AccessToken;

import java.util.Optional;

/**
 * The read the token check makes on every request: a grant together with what it needs to know of its holder, in
 * one look-up. Grants of deactivated accounts are not found.
 */
public interface GrantDirectory {
    Optional<ActiveGrant> findActive(String tokenId);

    record ActiveGrant(AccessToken grant, boolean holderIsAdmin, boolean holderIsGuest) {
    }
}

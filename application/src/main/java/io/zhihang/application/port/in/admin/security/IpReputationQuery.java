package io.zhihang.application.port.in.admin.security;

import io.zhihang.domain.auth.Requester;

/** The reputation of an address, for server admins; {@code 400 M_INVALID_PARAM} when it is not an address. */
public interface IpReputationQuery {
    AddressReputation reputation(Requester admin, String address);
}

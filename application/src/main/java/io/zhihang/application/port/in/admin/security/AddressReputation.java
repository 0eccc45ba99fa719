package io.zhihang.application.port.in.admin.security;

import io.zhihang.domain.security.IpBlock;
import io.zhihang.domain.security.IpReputation;

import java.util.Optional;

/** An address's reputation and the block refusing it now, if any. */
public record AddressReputation(String address, IpReputation reputation, Optional<IpBlock> block) {
}

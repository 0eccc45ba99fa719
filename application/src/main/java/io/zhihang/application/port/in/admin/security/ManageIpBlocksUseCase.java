package io.zhihang.application.port.in.admin.security;

import io.zhihang.domain.auth.Requester;
import io.zhihang.domain.net.IpRange;
import io.zhihang.domain.security.IpBlock;

import java.util.List;

/** Blocking and unblocking address ranges, for server admins; each change is in the audit trail. */
public interface ManageIpBlocksUseCase {
    /** Every stored block, expired ones included until housekeeping removes them. */
    List<IpBlock> list(Requester admin);

    IpBlock block(Requester admin, BlockAddressCommand command);

    /** Removes the block of exactly this range; {@code 404 M_NOT_FOUND} when there is none. */
    void unblock(Requester admin, IpRange range, String requestAddress);
}

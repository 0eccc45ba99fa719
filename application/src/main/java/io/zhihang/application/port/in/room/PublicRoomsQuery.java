package io.zhihang.application.port.in.room;

import io.zhihang.domain.shared.DomainException;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A request for a page of the public room list.
 *
 * @param limit                rooms per page; null or 0 for the server's maximum
 * @param since                a {@code next_batch} or {@code prev_batch} token, or null for the first page
 * @param searchTerm           {@code filter.generic_search_term}: matched case-insensitively against name, topic
 *                             and canonical alias; null for all rooms
 * @param roomTypes            {@code filter.room_types}: the room types wanted, a null entry standing for rooms
 *                             without a type; null for every type
 * @param includeAllNetworks   also list rooms that application services published for their networks
 * @param thirdPartyInstanceId list only the rooms of this application service network
 * @param server               the server whose list is wanted; null for this one
 */
public record PublicRoomsQuery(Integer limit, String since, String searchTerm, List<String> roomTypes,
                               boolean includeAllNetworks, String thirdPartyInstanceId, String server) {
    public PublicRoomsQuery {
        if (limit != null && limit < 0) {
            throw DomainException.invalidParam("limit must not be negative");
        }
        if (includeAllNetworks && thirdPartyInstanceId != null) {
            throw DomainException.invalidParam("Can't use include_all_networks with an explicit network");
        }
        roomTypes = roomTypes == null ? null : Collections.unmodifiableList(new ArrayList<>(roomTypes));
        searchTerm = searchTerm == null || searchTerm.isBlank() ? null : searchTerm;
    }

    /** The first page of this server's whole list. */
    public static PublicRoomsQuery firstPage(Integer limit) {
        return new PublicRoomsQuery(limit, null, null, null, false, null, null);
    }
}

package io.zhihang.application.port.in.friendship;

import io.zhihang.application.port.out.friendship.Recommendation;
import io.zhihang.domain.auth.Requester;
import io.zhihang.domain.shared.UserId;

import java.util.List;

/** A user's friends: the paged list, removing one (both ways), and people they may know. */
public interface FriendsUseCase {
    int DEFAULT_PAGE = 100;
    int MAX_PAGE = 1000;
    int DEFAULT_RECOMMENDATIONS = 10;
    int MAX_RECOMMENDATIONS = 50;

    /** A page of at most {@code limit} friends after the opaque token {@code from} (null: the first page). */
    FriendsPage friends(Requester requester, UserId owner, String from, int limit);

    /** Ends the friendship for both; {@code 404} if they are not friends. */
    void remove(Requester requester, UserId owner, UserId friend);

    List<Recommendation> recommendations(Requester requester, UserId owner, int limit);
}

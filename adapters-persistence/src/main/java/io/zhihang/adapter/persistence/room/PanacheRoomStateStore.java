package io.zhihang.adapter.persistence.room;

import io.zhihang.application.port.out.room.RoomStateStore;
import io.zhihang.application.port.out.room.UserMembership;
import io.zhihang.domain.room.StateKey;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

@ApplicationScoped
public class PanacheRoomStateStore implements RoomStateStore {
    private static final String MEMBER = "m.room.member";

    private final CurrentStatePanacheRepo repo;

    PanacheRoomStateStore(CurrentStatePanacheRepo repo) {
        this.repo = repo;
    }

    @Override
    public Map<StateKey, String> current(String roomId) {
        Map<StateKey, String> state = new LinkedHashMap<>();
        for (CurrentStateEntity e : repo.list("roomId", roomId)) {
            state.put(new StateKey(e.type, e.stateKey), e.eventId);
        }
        return state;
    }

    @Override
    public void put(String roomId, StateKey key, String eventId, String membership) {
        CurrentStateEntity e = repo.findById(new CurrentStateKey(roomId, key.type(), key.stateKey()));
        boolean fresh = e == null;
        if (fresh) {
            e = new CurrentStateEntity();
            e.roomId = roomId;
            e.type = key.type();
            e.stateKey = key.stateKey();
        }
        e.eventId = eventId;
        e.membership = membership;
        if (fresh) {
            repo.persist(e);
        }
    }

    @Override
    public List<String> roomsWith(String userId, String membership) {
        return repo.list("stateKey = ?1 and type = ?2 and membership = ?3", userId, MEMBER, membership).stream()
                .map(e -> e.roomId).toList();
    }

    @Override
    public Map<StateKey, String> currentWithMembers(String roomId, Collection<String> members) {
        List<CurrentStateEntity> rows = members.isEmpty()
                ? repo.list("roomId = ?1 and type <> ?2", roomId, MEMBER)
                : repo.list("roomId = ?1 and (type <> ?2 or stateKey in ?3)", roomId, MEMBER, members);
        Map<StateKey, String> out = new LinkedHashMap<>();
        for (CurrentStateEntity e : rows) {
            out.put(new StateKey(e.type, e.stateKey), e.eventId);
        }
        return out;
    }

    @Override
    public Map<String, Map<StateKey, String>> nonMemberStates(Collection<String> roomIds) {
        Map<String, Map<StateKey, String>> out = new LinkedHashMap<>();
        roomIds.forEach(roomId -> out.put(roomId, new LinkedHashMap<>()));
        if (!roomIds.isEmpty()) {
            rows("where e.roomId in :rooms and e.type <> :member", Map.of("rooms", roomIds, "member", MEMBER))
                    .forEach(row -> out.get((String) row[0]).put(new StateKey((String) row[1], (String) row[2]),
                            (String) row[3]));
        }
        return out;
    }

    /** (room id, type, state key, event id) rows without loading entities (sync reads thousands of them). */
    private List<Object[]> rows(String where, Map<String, Object> params) {
        var query = repo.getSession().createSelectionQuery(
                "select e.roomId, e.type, e.stateKey, e.eventId from CurrentStateEntity e " + where, Object[].class);
        params.forEach(query::setParameter);
        return query.getResultList();
    }

    @Override
    public Map<String, Map<StateKey, String>> memberStates(Map<String, ? extends Collection<String>> usersByRoom) {
        Map<String, Map<StateKey, String>> out = new LinkedHashMap<>();
        Set<String> users = new java.util.HashSet<>();
        usersByRoom.forEach((roomId, wanted) -> {
            out.put(roomId, new LinkedHashMap<>());
            users.addAll(wanted);
        });
        if (users.isEmpty()) {
            return out;
        }
        for (Object[] row : rows("where e.roomId in :rooms and e.type = :member and e.stateKey in :users",
                Map.of("rooms", usersByRoom.keySet(), "member", MEMBER, "users", users))) {
            String roomId = (String) row[0];
            if (usersByRoom.get(roomId).contains((String) row[2])) {
                out.get(roomId).put(new StateKey((String) row[1], (String) row[2]), (String) row[3]);
            }
        }
        return out;
    }

    @Override
    public Map<String, Map<StateKey, String>> currentStates(Collection<String> roomIds) {
        Map<String, Map<StateKey, String>> out = new LinkedHashMap<>();
        roomIds.forEach(roomId -> out.put(roomId, new LinkedHashMap<>()));
        if (!roomIds.isEmpty()) {
            rows("where e.roomId in :rooms", Map.of("rooms", roomIds))
                    .forEach(row -> out.get((String) row[0]).put(new StateKey((String) row[1], (String) row[2]),
                            (String) row[3]));
        }
        return out;
    }

    @Override
    public Map<String, Map<String, Long>> membershipCounts(Collection<String> roomIds) {
        Map<String, Map<String, Long>> out = new LinkedHashMap<>();
        roomIds.forEach(roomId -> out.put(roomId, new LinkedHashMap<>()));
        if (roomIds.isEmpty()) {
            return out;
        }
        repo.getSession().createSelectionQuery("""
                        select e.roomId, e.membership, count(e) from CurrentStateEntity e
                        where e.roomId in :rooms and e.type = :member group by e.roomId, e.membership""", Object[].class)
                .setParameter("rooms", roomIds).setParameter("member", MEMBER)
                .getResultList()
                .forEach(row -> out.get((String) row[0]).put((String) row[1], ((Number) row[2]).longValue()));
        return out;
    }

    @Override
    public Map<String, Long> membershipCounts(String roomId) {
        Map<String, Long> counts = new LinkedHashMap<>();
        repo.getSession().createSelectionQuery("""
                        select e.membership, count(e) from CurrentStateEntity e
                        where e.roomId = :room and e.type = :member group by e.membership""", Object[].class)
                .setParameter("room", roomId).setParameter("member", MEMBER)
                .getResultList().forEach(row -> counts.put((String) row[0], ((Number) row[1]).longValue()));
        return counts;
    }

    @Override
    public List<String> someMembers(String roomId, Collection<String> memberships, String except, int limit) {
        return repo.getSession().createSelectionQuery("""
                        select e.stateKey from CurrentStateEntity e
                        where e.roomId = :room and e.type = :member and e.membership in :memberships
                          and e.stateKey <> :except
                        order by e.stateKey""", String.class)
                .setParameter("room", roomId).setParameter("member", MEMBER)
                .setParameter("memberships", memberships).setParameter("except", except)
                .setMaxResults(limit).getResultList();
    }

    @Override
    public List<UserMembership> membershipsOf(String userId) {
        return repo.list("stateKey = ?1 and type = ?2", userId, MEMBER).stream()
                .map(e -> new UserMembership(e.roomId, e.membership, e.eventId)).toList();
    }

    @Override
    public Optional<String> membership(String roomId, String userId) {
        return repo.findByIdOptional(new CurrentStateKey(roomId, MEMBER, userId)).map(e -> e.membership);
    }

    @Override
    public Set<String> roomMates(String userId) {
        return Set.copyOf(repo.getEntityManager().createQuery("""
                        select distinct m.stateKey from CurrentStateEntity m
                         where m.type = ?1 and m.membership = 'join' and m.roomId in (
                               select v.roomId from CurrentStateEntity v
                                where v.stateKey = ?2 and v.type = ?1 and v.membership = 'join')""", String.class)
                .setParameter(1, MEMBER).setParameter(2, userId)
                .getResultList());
    }

    @Override
    public boolean shareARoom(String userId, String otherUserId) {
        return !repo.getEntityManager().createQuery("""
                        select m.roomId from CurrentStateEntity m
                         where m.stateKey = ?2 and m.type = ?1 and m.membership = 'join' and m.roomId in (
                               select v.roomId from CurrentStateEntity v
                                where v.stateKey = ?3 and v.type = ?1 and v.membership = 'join')""", String.class)
                .setParameter(1, MEMBER).setParameter(2, otherUserId).setParameter(3, userId)
                .setMaxResults(1)
                .getResultList().isEmpty();
    }

    @Override
    public Map<String, String> memberships(String roomId) {
        Map<String, String> members = new LinkedHashMap<>();
        for (CurrentStateEntity e : repo.list("roomId = ?1 and type = ?2", roomId, MEMBER)) {
            members.put(e.stateKey, e.membership);
        }
        return members;
    }

    @Override
    public Map<String, Map<String, String>> roomWideState(Collection<String> roomIds, Collection<String> types) {
        Map<String, Map<String, String>> state = new HashMap<>();
        if (roomIds.isEmpty() || types.isEmpty()) {
            return state;
        }
        for (CurrentStateEntity e : repo.list("roomId in ?1 and type in ?2 and stateKey = ''", roomIds, types)) {
            state.computeIfAbsent(e.roomId, id -> new HashMap<>()).put(e.type, e.eventId);
        }
        return state;
    }

    @Override
    public Map<String, Long> joinedCounts(Collection<String> roomIds) {
        Map<String, Long> counts = new HashMap<>();
        if (roomIds.isEmpty()) {
            return counts;
        }
        repo.getEntityManager().createQuery("select s.roomId, count(s) from CurrentStateEntity s "
                        + "where s.roomId in ?1 and s.type = ?2 and s.membership = 'join' group by s.roomId",
                        Object[].class)
                .setParameter(1, roomIds).setParameter(2, MEMBER)
                .getResultList()
                .forEach(row -> counts.put((String) row[0], (Long) row[1]));
        return counts;
    }
}

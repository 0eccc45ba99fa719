package io.zhihang.adapter.persistence.presence;

import io.zhihang.application.port.out.PresenceRepository;
import io.zhihang.domain.presence.Presence;
import io.zhihang.domain.presence.PresenceState;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Presence rows, and the stream head row {@code presence_stream_head}: taking the next position updates that row,
 * whose lock is held until commit, so positions become visible in the order they were handed out.
 */
@ApplicationScoped
public class PanachePresenceRepository implements PresenceRepository {
    private static final String MEMBER = "m.room.member";

    private final PresencePanacheRepo repo;

    PanachePresenceRepository(PresencePanacheRepo repo) {
        this.repo = repo;
    }

    @Override
    public Optional<Presence> find(String userId) {
        return repo.findByIdOptional(userId).map(PanachePresenceRepository::toDomain);
    }

    @Override
    public List<Stored> findAll(java.util.Collection<String> userIds) {
        if (userIds.isEmpty()) {
            return List.of();
        }
        return repo.list("userId in ?1", List.copyOf(userIds)).stream()
                .map(PanachePresenceRepository::toStored).toList();
    }

    @Override
    public long save(String userId, Presence presence) {
        long position = nextPosition();
        PresenceEntity e = repo.findById(userId);
        boolean fresh = e == null;
        if (fresh) {
            e = new PresenceEntity();
            e.userId = userId;
        }
        e.state = presence.state().value();
        e.statusMsg = presence.statusMsg();
        e.lastActive = presence.lastActive();
        e.currentlyActive = presence.currentlyActive();
        e.streamId = position;
        if (fresh) {
            repo.persist(e);
        }
        return position;
    }

    @Override
    public long position() {
        return ((Number) repo.getEntityManager()
                .createNativeQuery("SELECT stream_id FROM presence_stream_head WHERE id = 1")
                .getSingleResult()).longValue();
    }

    @Override
    public List<Stored> changedSince(String viewerId, long since) {
        return repo.getEntityManager().createQuery("""
                        select p from PresenceEntity p where p.streamId > ?1 and (p.userId = ?2 or p.userId in (
                            select m.stateKey from CurrentStateEntity m where m.type = ?3 and m.membership = 'join'
                               and m.roomId in (select v.roomId from CurrentStateEntity v
                                                 where v.stateKey = ?2 and v.type = ?3 and v.membership = 'join')))
                        order by p.streamId""", PresenceEntity.class)
                .setParameter(1, since).setParameter(2, viewerId).setParameter(3, MEMBER)
                .getResultStream().map(PanachePresenceRepository::toStored).toList();
    }

    @Override
    public List<Stored> onlineInactiveSince(Instant cutoff) {
        return repo.list("state = ?1 and lastActive < ?2", PresenceState.ONLINE.value(), cutoff).stream()
                .map(PanachePresenceRepository::toStored).toList();
    }

    /** Moves the stream head and returns it; the row stays locked until this transaction ends. */
    private long nextPosition() {
        var em = repo.getEntityManager();
        em.createNativeQuery("UPDATE presence_stream_head SET stream_id = stream_id + 1 WHERE id = 1").executeUpdate();
        return position();
    }

    private static Stored toStored(PresenceEntity e) {
        return new Stored(e.userId, toDomain(e), e.streamId);
    }

    private static Presence toDomain(PresenceEntity e) {
        return new Presence(PresenceState.parse(e.state), e.statusMsg, e.lastActive, e.currentlyActive);
    }
}

package io.zhihang.adapter.persistence.userdata;

import io.zhihang.application.port.out.userdata.ReceiptRepository;
import io.zhihang.domain.userdata.Receipt;
import io.zhihang.domain.userdata.ReceiptType;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Receipts, unthreaded ones under the thread id {@code ""}. Reads over many rooms go in chunks of room ids. */
@ApplicationScoped
public class PanacheReceiptRepository implements ReceiptRepository {
    private static final String UNTHREADED = "";
    /** Room ids per query: well below PostgreSQL's limit of bind parameters. */
    private static final int CHUNK = 1000;

    private final ReceiptPanacheRepo repo;
    private final UserDataStreamPanacheRepo streams;

    PanacheReceiptRepository(ReceiptPanacheRepo repo, UserDataStreamPanacheRepo streams) {
        this.repo = repo;
        this.streams = streams;
    }

    @Override
    public void lockStream() {
        streams.lock(UserDataStreamPanacheRepo.RECEIPTS);
    }

    @Override
    public Optional<Receipt> find(String roomId, ReceiptType type, String userId, String threadId) {
        return repo.findByIdOptional(new ReceiptKey(roomId, type.id(), userId, thread(threadId)))
                .map(PanacheReceiptRepository::toReceipt);
    }

    @Override
    public long save(Receipt receipt) {
        long position = streams.advance(UserDataStreamPanacheRepo.RECEIPTS);
        ReceiptKey key = new ReceiptKey(receipt.roomId(), receipt.type().id(), receipt.userId(),
                thread(receipt.threadId()));
        ReceiptEntity e = repo.findById(key);
        boolean fresh = e == null;
        if (fresh) {
            e = new ReceiptEntity();
            e.roomId = key.roomId();
            e.receiptType = key.receiptType();
            e.userId = key.userId();
            e.threadId = key.threadId();
        }
        e.eventId = receipt.eventId();
        e.eventOrdering = receipt.eventOrdering();
        e.ts = receipt.ts();
        e.streamId = position;
        if (fresh) {
            repo.persist(e);
        }
        return position;
    }

    @Override
    public long position() {
        return streams.position(UserDataStreamPanacheRepo.RECEIPTS);
    }

    @Override
    public List<Receipt> changedSince(Collection<String> roomIds, long since, String viewerId) {
        List<Receipt> changed = new ArrayList<>();
        for (List<String> chunk : chunks(roomIds)) {
            repo.list("roomId in ?1 and streamId > ?2 and (receiptType <> ?3 or userId = ?4) order by streamId",
                            chunk, since, ReceiptType.READ_PRIVATE.id(), viewerId).stream()
                    .map(PanacheReceiptRepository::toReceipt)
                    .forEach(changed::add);
        }
        return changed;
    }

    @Override
    public List<ReadUpTo> readUpTo(String userId, Collection<String> roomIds) {
        List<ReadUpTo> read = new ArrayList<>();
        for (List<String> chunk : chunks(roomIds)) {
            repo.getSession().createSelectionQuery("""
                            select r.roomId, r.threadId, max(r.eventOrdering)
                            from ReceiptEntity r
                            where r.userId = :user and r.roomId in :rooms and r.receiptType in :types
                            group by r.roomId, r.threadId""", Object[].class)
                    .setParameter("user", userId)
                    .setParameter("rooms", chunk)
                    .setParameter("types", List.of(ReceiptType.READ.id(), ReceiptType.READ_PRIVATE.id()))
                    .getResultList()
                    .forEach(row -> read.add(new ReadUpTo((String) row[0], unthread((String) row[1]),
                            ((Number) row[2]).longValue())));
        }
        return read;
    }

    private static Receipt toReceipt(ReceiptEntity e) {
        return new Receipt(e.roomId, ReceiptType.parse(e.receiptType), e.userId, unthread(e.threadId), e.eventId,
                e.eventOrdering, e.ts);
    }

    private static List<List<String>> chunks(Collection<String> roomIds) {
        List<String> all = List.copyOf(roomIds);
        List<List<String>> chunks = new ArrayList<>();
        for (int i = 0; i < all.size(); i += CHUNK) {
            chunks.add(all.subList(i, Math.min(all.size(), i + CHUNK)));
        }
        return chunks;
    }

    private static String thread(String threadId) {
        return threadId == null ? UNTHREADED : threadId;
    }

    private static String unthread(String threadId) {
        return UNTHREADED.equals(threadId) ? null : threadId;
    }
}

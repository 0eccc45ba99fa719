package io.zhihang.adapter.persistence.lifecycle;

import io.agroal.api.AgroalDataSource;
import io.zhihang.adapter.persistence.ActivePersistenceUnit;
import io.zhihang.adapter.persistence.PlainSql;
import io.zhihang.application.port.out.lifecycle.EncryptedMessages;
import io.zhihang.domain.lifecycle.EncryptionType;
import io.zhihang.domain.lifecycle.crypto.SealedContent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;

import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/** Encrypted messages in plain JDBC; the sealed content is its canonical JSON in a text column. */
@ApplicationScoped
public class JdbcEncryptedMessages implements EncryptedMessages {
    private static final String INSERT = """
            INSERT INTO encrypted_messages (event_id, room_id, sender, encryption_type, message_type, sealed,
                                            created_ts)
            VALUES (?, ?, ?, ?, ?, ?, ?)""";
    private static final String FIND = """
            SELECT event_id, room_id, sender, encryption_type, message_type, sealed, created_ts
              FROM encrypted_messages WHERE event_id = ?""";
    private static final String FORGET_CONTENT = "UPDATE encrypted_messages SET sealed = NULL WHERE event_id = ?";
    private static final String FORGET = "DELETE FROM encrypted_messages WHERE event_id = ?";

    private final PlainSql sql;

    JdbcEncryptedMessages(ActivePersistenceUnit unit, @Any Instance<AgroalDataSource> dataSources) {
        this.sql = new PlainSql(unit, dataSources);
    }

    @Override
    public void insert(EncryptedMessage m) {
        sql.update(INSERT, m.eventId(), m.roomId(), m.sender(), m.type().value(), m.messageType(),
                m.sealed().map(SealedContent::encode).orElse(null), m.createdAt().toEpochMilli());
    }

    @Override
    public Optional<EncryptedMessage> find(String eventId) {
        return sql.list(FIND, row -> new EncryptedMessage(row.getString(1), row.getString(2), row.getString(3),
                EncryptionType.valueOf(row.getString(4).toUpperCase(Locale.ROOT)), row.getString(5),
                Optional.ofNullable(row.getString(6)).map(SealedContent::decode),
                Instant.ofEpochMilli(row.getLong(7))), eventId).stream().findFirst();
    }

    @Override
    public void forgetContent(String eventId) {
        sql.update(FORGET_CONTENT, eventId);
    }

    @Override
    public void forget(String eventId) {
        sql.update(FORGET, eventId);
    }
}

package io.zhihang.adapter.persistence.backup;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
class KeyBackupVersionPanacheRepo implements PanacheRepositoryBase<KeyBackupVersionEntity, KeyBackupVersionKey> {
}

package io.zhihang.adapter.persistence.presence;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
class PresencePanacheRepo implements PanacheRepositoryBase<PresenceEntity, String> {
}

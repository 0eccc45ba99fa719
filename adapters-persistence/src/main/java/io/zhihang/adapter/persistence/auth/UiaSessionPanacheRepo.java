package io.zhihang.adapter.persistence.auth;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
class UiaSessionPanacheRepo implements PanacheRepositoryBase<UiaSessionEntity, String> {
}

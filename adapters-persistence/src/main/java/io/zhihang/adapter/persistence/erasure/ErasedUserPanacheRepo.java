package io.zhihang.adapter.persistence.erasure;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
class ErasedUserPanacheRepo implements PanacheRepositoryBase<ErasedUserEntity, String> {
}

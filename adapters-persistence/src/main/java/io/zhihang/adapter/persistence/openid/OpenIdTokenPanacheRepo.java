package io.zhihang.adapter.persistence.openid;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
class OpenIdTokenPanacheRepo implements PanacheRepositoryBase<OpenIdTokenEntity, String> {
}

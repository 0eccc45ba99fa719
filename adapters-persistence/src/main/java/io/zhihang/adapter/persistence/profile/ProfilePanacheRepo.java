package io.zhihang.adapter.persistence.profile;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
class ProfilePanacheRepo implements PanacheRepositoryBase<ProfileEntity, String> {
}

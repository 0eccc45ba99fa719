package io.zhihang.adapter.persistence.push;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
class PusherPanacheRepo implements PanacheRepositoryBase<PusherEntity, PusherEntityKey> {
}

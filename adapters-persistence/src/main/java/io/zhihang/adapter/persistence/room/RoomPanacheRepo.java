package io.zhihang.adapter.persistence.room;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
class RoomPanacheRepo implements PanacheRepositoryBase<RoomEntity, String> {
}

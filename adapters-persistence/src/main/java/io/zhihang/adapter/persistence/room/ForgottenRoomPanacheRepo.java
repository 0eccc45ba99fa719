package io.zhihang.adapter.persistence.room;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
class ForgottenRoomPanacheRepo implements PanacheRepositoryBase<ForgottenRoomEntity, ForgottenRoomKey> {
}

package io.zhihang.adapter.persistence.account;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
class DevicePanacheRepo implements PanacheRepositoryBase<DeviceEntity, DeviceKey> {
}

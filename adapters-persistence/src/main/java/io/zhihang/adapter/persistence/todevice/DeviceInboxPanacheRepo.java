package io.zhihang.adapter.persistence.todevice;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
class DeviceInboxPanacheRepo implements PanacheRepositoryBase<DeviceInboxEntity, DeviceInboxKey> {
}

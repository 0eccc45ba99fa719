package io.zhihang.adapter.persistence.userdata;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
class ReceiptPanacheRepo implements PanacheRepositoryBase<ReceiptEntity, ReceiptKey> {
}

package io.zhihang.adapter.persistence.filter;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
class FilterPanacheRepo implements PanacheRepositoryBase<FilterEntity, Long> {
}

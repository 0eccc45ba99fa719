package io.zhihang.adapter.persistence.filter;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A sync filter as the user stored it, in canonical JSON. */
@Entity
@Table(name = "user_filters")
public class FilterEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "filter_id")
    public Long filterId;

    @Column(name = "user_id", nullable = false)
    public String userId;

    @Column(name = "filter_json", nullable = false, columnDefinition = "TEXT")
    public String filterJson;
}

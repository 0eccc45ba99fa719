package io.zhihang.adapter.persistence.push;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "push_rules")
public class PushRulesEntity {
    @Id
    @Column(name = "user_id")
    public String userId;

    @Column(nullable = false)
    public long version;

    @Column(nullable = false, columnDefinition = "TEXT")
    public String rules;
}

package io.zhihang.adapter.persistence.profile;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "profiles")
public class ProfileEntity {
    @Id
    @Column(name = "user_id")
    public String userId;

    public String displayname;

    @Column(name = "avatar_url")
    public String avatarUrl;
}

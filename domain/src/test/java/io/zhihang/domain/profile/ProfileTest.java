package io.zhihang.domain.profile;

import io.zhihang.domain.shared.DomainException;
import io.zhihang.domain.shared.ErrorKind;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProfileTest {

    @Test
    void an_empty_display_name_or_avatar_means_none() {
        assertThat(new Profile("", "")).isEqualTo(Profile.EMPTY);
        assertThat(new Profile("Alice", "mxc://example.org/abc").withDisplayName("")).isEqualTo(
                new Profile(null, "mxc://example.org/abc"));
    }

    @Test
    void changes_one_field_at_a_time() {
        Profile profile = Profile.EMPTY.withDisplayName("Alice").withAvatarUrl("mxc://example.org/abc");

        assertThat(profile.displayName()).isEqualTo("Alice");
        assertThat(profile.avatarUrl()).isEqualTo("mxc://example.org/abc");
    }

    @Test
    void refuses_a_display_name_over_256_characters() {
        assertThat(Profile.EMPTY.withDisplayName("x".repeat(256)).displayName()).hasSize(256);
        assertThatThrownBy(() -> Profile.EMPTY.withDisplayName("x".repeat(257)))
                .isInstanceOf(DomainException.class)
                .hasMessageContaining("Display name is too long")
                .extracting(e -> ((DomainException) e).kind()).isEqualTo(ErrorKind.INVALID_PARAM);
    }

    @Test
    void refuses_an_avatar_url_over_1000_characters() {
        assertThatThrownBy(() -> Profile.EMPTY.withAvatarUrl("mxc://" + "x".repeat(1000)))
                .isInstanceOf(DomainException.class)
                .hasMessageContaining("Avatar URL is too long");
    }
}

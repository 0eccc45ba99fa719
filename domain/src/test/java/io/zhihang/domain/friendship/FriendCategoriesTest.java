package io.zhihang.domain.friendship;

import io.zhihang.domain.shared.DomainException;
import io.zhihang.domain.shared.ErrorKind;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class FriendCategoriesTest {

    private static ErrorKind refusal(Runnable action) {
        return catchThrowableOfType(DomainException.class, action::run).kind();
    }

    @Test
    void names_are_trimmed_and_bounded() {
        assertThat(FriendCategories.validName("  Work  ")).isEqualTo("Work");
        String atLimit = "家".repeat(FriendCategories.MAX_NAME_LENGTH);
        assertThat(FriendCategories.validName(atLimit)).isEqualTo(atLimit);
        assertThat(refusal(() -> FriendCategories.validName(atLimit + "人"))).isEqualTo(ErrorKind.INVALID_PARAM);
        assertThat(refusal(() -> FriendCategories.validName("   "))).isEqualTo(ErrorKind.MISSING_PARAM);
        assertThat(refusal(() -> FriendCategories.validName(null))).isEqualTo(ErrorKind.MISSING_PARAM);
        assertThat(refusal(() -> FriendCategories.validName("a\u0000b"))).isEqualTo(ErrorKind.INVALID_PARAM);
    }

    @Test
    void names_are_unique_per_user_whatever_the_case() {
        List<String> existing = List.of("Work", "Family");
        assertThat(FriendCategories.checkNew(existing, "Climbing")).isEqualTo("Climbing");
        assertThat(refusal(() -> FriendCategories.checkNew(existing, "work"))).isEqualTo(ErrorKind.INVALID_PARAM);
        assertThat(FriendCategories.checkRename(existing, "Work", "WORK")).isEqualTo("WORK");
        assertThat(refusal(() -> FriendCategories.checkRename(existing, "Work", "family")))
                .isEqualTo(ErrorKind.INVALID_PARAM);
        assertThat(refusal(() -> FriendCategories.checkRename(existing, "School", "Uni")))
                .isEqualTo(ErrorKind.NOT_FOUND);
    }

    @Test
    void a_user_has_at_most_the_limit_of_categories() {
        List<String> existing = new ArrayList<>();
        for (int i = 0; i < FriendCategories.MAX_CATEGORIES - 1; i++) {
            existing.add("c" + i);
        }
        assertThat(FriendCategories.checkNew(existing, "last")).isEqualTo("last");
        existing.add("last");
        assertThat(refusal(() -> FriendCategories.checkNew(existing, "one more"))).isEqualTo(ErrorKind.INVALID_PARAM);
    }

    @Test
    void the_key_of_a_name_ignores_case() {
        assertThat(FriendCategories.key("Work")).isEqualTo(FriendCategories.key("WORK")).isEqualTo("work");
    }
}

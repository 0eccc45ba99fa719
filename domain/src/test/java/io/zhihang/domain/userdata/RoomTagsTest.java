package io.zhihang.domain.userdata;

import io.zhihang.domain.protocol.json.Json;
import io.zhihang.domain.protocol.json.JsonObject;
import io.zhihang.domain.shared.DomainException;
import io.zhihang.domain.shared.ErrorKind;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class RoomTagsTest {

    @Test
    void tags_are_added_replaced_and_removed_in_the_m_tag_content() {
        RoomTags tags = RoomTags.NONE
                .with("u.work", Json.parseClientData("{\"order\":0.5}"))
                .with("m.favourite", JsonObject.EMPTY)
                .with("u.work", Json.parseClientData("{\"order\":1}"));

        assertThat(tags.content()).isEqualTo(
                Json.parseClientData("{\"tags\":{\"u.work\":{\"order\":1},\"m.favourite\":{}}}"));
        assertThat(tags.without("u.work").without("u.absent").content())
                .isEqualTo(Json.parseClientData("{\"tags\":{\"m.favourite\":{}}}"));
        assertThat(RoomTags.of(tags.content())).isEqualTo(tags);
    }

    @Test
    void a_content_without_a_tags_object_has_no_tags() {
        assertThat(RoomTags.of(JsonObject.EMPTY)).isEqualTo(RoomTags.NONE);
        assertThat(RoomTags.of(Json.parseClientData("{\"tags\":[]}"))).isEqualTo(RoomTags.NONE);
        assertThat(RoomTags.NONE.content()).isEqualTo(Json.parseClientData("{\"tags\":{}}"));
    }

    @Test
    void a_tag_has_a_name_of_at_most_255_bytes_and_a_numeric_order() {
        assertThat(RoomTags.NONE.with("é".repeat(127), JsonObject.EMPTY).has("é".repeat(127))).isTrue();
        assertThat(refusal("é".repeat(128), JsonObject.EMPTY)).isEqualTo(ErrorKind.INVALID_PARAM);
        assertThat(refusal("", JsonObject.EMPTY)).isEqualTo(ErrorKind.INVALID_PARAM);
        assertThat(refusal("u.x", Json.parseClientData("{\"order\":\"0.5\"}"))).isEqualTo(ErrorKind.BAD_JSON);
        assertThat(refusal("u.x", Json.parseClientData("{\"order\":null}"))).isEqualTo(ErrorKind.BAD_JSON);
    }

    private static ErrorKind refusal(String tag, JsonObject info) {
        return catchThrowableOfType(DomainException.class, () -> RoomTags.NONE.with(tag, info)).kind();
    }
}

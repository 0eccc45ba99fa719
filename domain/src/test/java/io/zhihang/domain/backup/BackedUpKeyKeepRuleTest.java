package io.zhihang.domain.backup;

import io.zhihang.domain.protocol.json.JsonObject;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The spec's rule for which of two keys of one session a backup keeps ("Server-side key backups"). */
class BackedUpKeyKeepRuleTest {
    private static BackedUpKey key(boolean verified, long firstMessageIndex, long forwardedCount) {
        return new BackedUpKey(firstMessageIndex, forwardedCount, verified, JsonObject.EMPTY);
    }

    @Test
    void a_verified_key_beats_an_unverified_one_whatever_its_index_and_forwards() {
        BackedUpKey verified = key(true, 10, 5);
        BackedUpKey unverified = key(false, 0, 0);

        assertThat(verified.replaces(unverified)).isTrue();
        assertThat(unverified.replaces(verified)).isFalse();
    }

    @Test
    void with_equal_verification_the_lower_first_message_index_wins_whatever_the_forwards() {
        assertThat(key(false, 1, 9).replaces(key(false, 2, 0))).isTrue();
        assertThat(key(false, 2, 0).replaces(key(false, 1, 9))).isFalse();
        assertThat(key(true, 0, 3).replaces(key(true, 4, 0))).isTrue();
        assertThat(key(true, 4, 0).replaces(key(true, 0, 3))).isFalse();
    }

    @Test
    void with_equal_verification_and_index_the_lower_forwarded_count_wins() {
        assertThat(key(false, 3, 0).replaces(key(false, 3, 1))).isTrue();
        assertThat(key(false, 3, 1).replaces(key(false, 3, 0))).isFalse();
        assertThat(key(true, 3, 1).replaces(key(true, 3, 2))).isTrue();
    }

    @Test
    void an_equal_key_does_not_replace_the_stored_one() {
        assertThat(key(true, 3, 1).replaces(key(true, 3, 1))).isFalse();
        assertThat(key(false, 0, 0).replaces(key(false, 0, 0))).isFalse();
    }

    @Test
    void an_unverified_key_with_a_lower_index_does_not_replace_a_verified_one() {
        // Synapse would replace here (its checks are not ordered by is_verified); the spec keeps the verified key.
        assertThat(key(false, 0, 0).replaces(key(true, 5, 0))).isFalse();
        assertThat(key(false, 5, 0).replaces(key(true, 5, 1))).isFalse();
    }
}

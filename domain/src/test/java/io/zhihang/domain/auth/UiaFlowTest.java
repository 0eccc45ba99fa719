package io.zhihang.domain.auth;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static io.zhihang.domain.auth.AuthTypes.DUMMY;
import static io.zhihang.domain.auth.AuthTypes.PASSWORD;
import static io.zhihang.domain.auth.AuthTypes.REGISTRATION_TOKEN;
import static org.assertj.core.api.Assertions.assertThat;

class UiaFlowTest {

    @Test
    void lists_its_stages_in_order() {
        assertThat(UiaFlow.of(REGISTRATION_TOKEN, DUMMY).stages()).containsExactly(REGISTRATION_TOKEN, DUMMY);
    }

    @Test
    void is_completed_by_a_superset_of_its_stages_in_any_order() {
        UiaFlow flow = UiaFlow.of(REGISTRATION_TOKEN, DUMMY);

        assertThat(flow.completedBy(Set.of(DUMMY, REGISTRATION_TOKEN, PASSWORD))).isTrue();
        assertThat(flow.completedBy(Set.of(DUMMY))).isFalse();
        assertThat(flow.completedBy(Set.of())).isFalse();
    }

    @Test
    void knows_which_stages_it_includes() {
        UiaFlow flow = UiaFlow.of(PASSWORD);

        assertThat(flow.includes(PASSWORD)).isTrue();
        assertThat(flow.includes(DUMMY)).isFalse();
    }

    @Test
    void keeps_a_copy_of_its_stages() {
        List<String> stages = new ArrayList<>(List.of(PASSWORD));
        UiaFlow flow = new UiaFlow(stages);

        stages.add(DUMMY);

        assertThat(flow).isEqualTo(UiaFlow.of(PASSWORD));
    }
}

package io.zhihang.domain.auth;

import java.util.Collection;
import java.util.List;

/** One way through User-Interactive Authentication: the stages to complete, in order. */
public record UiaFlow(List<String> stages) {
    public UiaFlow {
        stages = List.copyOf(stages);
    }

    public static UiaFlow of(String... stages) {
        return new UiaFlow(List.of(stages));
    }

    public boolean completedBy(Collection<String> completed) {
        return completed.containsAll(stages);
    }

    public boolean includes(String stage) {
        return stages.contains(stage);
    }
}

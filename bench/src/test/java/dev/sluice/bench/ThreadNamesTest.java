package dev.sluice.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ThreadNamesTest {

    @Test
    void numbersAndIdsAreReplaced() {
        assertThat(ThreadNames.kind("task-thread-cp-idle-src-3-0")).isEqualTo("task-thread-cp-idle-src-#-#");
        assertThat(ThreadNames.kind("KafkaBasedLog Work Thread - __sluice_status_cp-idle-sink-12_0a1b2c3d"))
                .isEqualTo("KafkaBasedLog Work Thread - __sluice_status_cp-idle-sink-#_<id>");
        assertThat(ThreadNames.kind("pool-7-thread-1")).isEqualTo("pool-#-thread-#");
    }

    @Test
    void histogramCountsEachKind() {
        assertThat(ThreadNames.histogram(List.of("task-thread-a-1-0", "task-thread-a-2-0", "main")))
                .containsExactly(Map.entry("main", 1), Map.entry("task-thread-a-#-#", 2));
    }

    @Test
    void increaseListsChangedKindsLargestFirst() {
        var before = Map.of("main", 1, "herder", 2, "gone", 1);
        var after = Map.of("main", 1, "herder", 52, "task", 50);
        assertThat(ThreadNames.increase(before, after)).containsExactly(
                Map.entry("herder", 50), Map.entry("task", 50), Map.entry("gone", -1));
    }
}

package dev.sluice.runtime.connect;

import org.apache.kafka.connect.connector.Task;
import org.apache.kafka.connect.runtime.Herder;
import org.apache.kafka.connect.runtime.rest.entities.ConnectorInfo;
import org.apache.kafka.connect.runtime.rest.entities.ConnectorStateInfo;
import org.apache.kafka.connect.runtime.rest.entities.ConnectorType;
import org.apache.kafka.connect.runtime.rest.entities.Message;
import org.apache.kafka.connect.util.Callback;
import org.apache.kafka.connect.util.ConnectorTaskId;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.connect.source.SourceConnector;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@SuppressWarnings("unchecked")
class OffsetReleaseTest {

    /** A connector that keeps nothing outside Kafka for its offsets. */
    public static class Plain extends SourceConnector {
        @Override
        public void start(Map<String, String> props) {
        }

        @Override
        public Class<? extends Task> taskClass() {
            return null;
        }

        @Override
        public List<Map<String, String>> taskConfigs(int maxTasks) {
            return List.of();
        }

        @Override
        public void stop() {
        }

        @Override
        public ConfigDef config() {
            return new ConfigDef();
        }

        @Override
        public String version() {
            return "1";
        }
    }

    /** A connector told of offset changes, as the CDC source is (its slot). */
    public static class Slotted extends Plain {
        @Override
        public boolean alterOffsets(Map<String, String> config, Map<Map<String, ?>, Map<String, ?>> offsets) {
            return true;
        }
    }

    /** A subclass inherits the override. */
    public static class SlottedSubclass extends Slotted {
    }

    @Test
    void onlyConnectorsThatOverrideAlterOffsetsAreStoppedAndResetBeforeDeletion() {
        assertThat(OffsetRelease.holdsStateForOffsets(Plain.class)).isFalse();
        assertThat(OffsetRelease.holdsStateForOffsets(Slotted.class)).isTrue();
        assertThat(OffsetRelease.holdsStateForOffsets(SlottedSubclass.class)).isTrue();
        assertThat(OffsetRelease.holdsStateForOffsets(String.class)).isFalse();
    }

    /** A herder whose connector stops after {@code pollsUntilStopped} status reads, and that records the reset. */
    private static Herder herder(int pollsUntilStopped, boolean answersStop, java.util.List<String> calls) {
        var polls = new java.util.concurrent.atomic.AtomicInteger();
        return (Herder) java.lang.reflect.Proxy.newProxyInstance(Herder.class.getClassLoader(),
                new Class<?>[] {Herder.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "stopConnector" -> {
                        calls.add("stop");
                        if (answersStop) {
                            ((Callback<Void>) args[1]).onCompletion(null, null);
                        }
                        yield null;
                    }
                    case "connectorInfo" -> new ConnectorInfo("c", Map.of(), polls.get() >= pollsUntilStopped
                            ? List.of() : List.of(new ConnectorTaskId("c", 0)), ConnectorType.SOURCE);
                    case "connectorStatus" -> new ConnectorStateInfo("c", new ConnectorStateInfo.ConnectorState(
                            polls.incrementAndGet() > pollsUntilStopped ? "STOPPED" : "RUNNING", "w", null, null),
                            List.of(), ConnectorType.SOURCE);
                    case "resetConnectorOffsets" -> {
                        calls.add("reset");
                        ((Callback<Message>) args[1]).onCompletion(null, new Message("reset"));
                        yield null;
                    }
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    @Test
    void stopsWaitsUntilTheTasksAreGoneThenResets() throws Exception {
        List<String> calls = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (var release = new OffsetRelease(java.time.Duration.ofSeconds(10))) {
            release.release(herder(3, true, calls), "c").get(10, java.util.concurrent.TimeUnit.SECONDS);
        }
        assertThat(calls).containsExactly("stop", "reset");
    }

    @Test
    void aStopThatNeverCompletesEndsInATimeoutNotAHang() {
        List<String> calls = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (var release = new OffsetRelease(java.time.Duration.ofMillis(300))) {
            var done = release.release(herder(0, false, calls), "c");
            org.assertj.core.api.Assertions.assertThatThrownBy(
                    () -> done.get(10, java.util.concurrent.TimeUnit.SECONDS))
                    .hasCauseInstanceOf(java.util.concurrent.TimeoutException.class);
        }
        assertThat(calls).containsExactly("stop");
    }
}

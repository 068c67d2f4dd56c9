package dev.sluice.runtime.connect;

import org.apache.kafka.connect.connector.Task;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.connect.source.SourceConnector;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

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
}

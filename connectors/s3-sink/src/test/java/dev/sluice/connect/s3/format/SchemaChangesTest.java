package dev.sluice.connect.s3.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.connect.s3.format.SchemaChanges.Compatibility;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.SchemaProjectorException;
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.Test;

class SchemaChangesTest {

    private static final Schema V1 = SchemaBuilder.struct().name("User").version(1)
            .field("id", Schema.INT64_SCHEMA)
            .build();
    private static final Schema V2 = SchemaBuilder.struct().name("User").version(2)
            .field("id", Schema.INT64_SCHEMA)
            .field("email", SchemaBuilder.string().optional().defaultValue("unknown").build())
            .build();
    private static final Schema UNVERSIONED = SchemaBuilder.struct().name("User")
            .field("id", Schema.INT64_SCHEMA)
            .build();

    @Test
    void noneStartsANewObjectOnAnyChangeAndNeverProjects() {
        var none = new SchemaChanges(Compatibility.NONE);
        SinkRecord record = Samples.record(V1, new Struct(V1).put("id", 1L), 1);

        assertThat(none.needsNewObject(V1, V1)).isFalse();
        assertThat(none.needsNewObject(V1, V2)).isTrue();
        assertThat(none.needsNewObject(V2, V1)).isTrue();
        assertThat(none.needsNewObject(V1, UNVERSIONED)).isTrue();
        assertThat(none.needsNewObject(null, null)).isFalse();
        assertThat(none.project(record, V2)).isSameAs(record);
    }

    @Test
    void backwardAndFullRollOnNewerVersionsAndProjectOlderOnes() {
        for (Compatibility compatibility : new Compatibility[] {Compatibility.BACKWARD, Compatibility.FULL}) {
            var changes = new SchemaChanges(compatibility);

            assertThat(changes.needsNewObject(V1, V2)).as(compatibility + " newer").isTrue();
            assertThat(changes.needsNewObject(V2, V1)).as(compatibility + " older").isFalse();
            assertThat(changes.needsNewObject(V2, V2)).as(compatibility + " same").isFalse();

            SinkRecord old = Samples.record(V1, new Struct(V1).put("id", 7L), 5);
            SinkRecord projected = changes.project(old, V2);
            assertThat(projected.valueSchema()).isEqualTo(V2);
            assertThat(((Struct) projected.value()).get("id")).isEqualTo(7L);
            assertThat(((Struct) projected.value()).get("email")).isEqualTo("unknown");
            assertThat(projected.kafkaOffset()).isEqualTo(5);
            assertThat(projected.key()).isEqualTo(old.key());
            assertThat(projected.headers()).isEqualTo(old.headers());
        }
    }

    @Test
    void forwardRollsOnOlderVersionsAndProjectsNewerOnes() {
        var forward = new SchemaChanges(Compatibility.FORWARD);

        assertThat(forward.needsNewObject(V2, V1)).isTrue();
        assertThat(forward.needsNewObject(V1, V2)).isFalse();
        SinkRecord newer = Samples.record(V2, new Struct(V2).put("id", 3L).put("email", "a@b"), 9);
        SinkRecord projected = forward.project(newer, V1);
        assertThat(projected.valueSchema()).isEqualTo(V1);
        assertThat(projected.value()).isEqualTo(new Struct(V1).put("id", 3L));
    }

    @Test
    void recordsAlreadyInTheCurrentSchemaAreNotCopied() {
        SinkRecord record = Samples.record(V2, new Struct(V2).put("id", 1L), 1);

        assertThat(new SchemaChanges(Compatibility.BACKWARD).project(record, V2)).isSameAs(record);
    }

    @Test
    void missingVersionsAndSchemalessSwitchesAreErrorsAsInConfluent() {
        var backward = new SchemaChanges(Compatibility.BACKWARD);

        assertThatThrownBy(() -> backward.needsNewObject(V1, UNVERSIONED))
                .isInstanceOf(SchemaProjectorException.class).hasMessageContaining("version required");
        assertThatThrownBy(() -> backward.needsNewObject(null, V1))
                .isInstanceOf(SchemaProjectorException.class).hasMessageContaining("schema-less");
        assertThatThrownBy(() -> new SchemaChanges(Compatibility.NONE).needsNewObject(V1, null))
                .isInstanceOf(SchemaProjectorException.class);
    }

    @Test
    void incompatibleProjectionsFail() {
        Schema renamed = SchemaBuilder.struct().name("User").version(0)
                .field("user_id", Schema.INT64_SCHEMA)
                .build();
        SinkRecord record = Samples.record(renamed, new Struct(renamed).put("user_id", 1L), 1);

        assertThatThrownBy(() -> new SchemaChanges(Compatibility.BACKWARD).project(record, V1))
                .isInstanceOf(SchemaProjectorException.class);
    }

    @Test
    void parsesTheConfigValues() {
        assertThat(Compatibility.parse("backward")).isEqualTo(Compatibility.BACKWARD);
        assertThatThrownBy(() -> Compatibility.parse("sideways"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("none, backward, forward, full");
    }
}

package dev.sluice.connect.dynamodb.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class KeyRefTest {

    @Test
    void parsesConfluentsReferences() {
        assertThat(KeyRef.parse("partition")).isEqualTo(new KeyRef(KeyRef.Source.PARTITION, List.of(), "partition"));
        assertThat(KeyRef.parse("offset")).isEqualTo(new KeyRef(KeyRef.Source.OFFSET, List.of(), "offset"));
        assertThat(KeyRef.parse("key")).isEqualTo(new KeyRef(KeyRef.Source.KEY, List.of(), "key"));
        assertThat(KeyRef.parse("key.customerId"))
                .isEqualTo(new KeyRef(KeyRef.Source.KEY, List.of("customerId"), "customerId"));
        assertThat(KeyRef.parse("value.userId:user"))
                .isEqualTo(new KeyRef(KeyRef.Source.VALUE, List.of("userId"), "user"));
        assertThat(KeyRef.parse("value.a.b.c")).isEqualTo(new KeyRef(KeyRef.Source.VALUE, List.of("a", "b", "c"), "c"));
        assertThat(KeyRef.parse("partition:p")).isEqualTo(new KeyRef(KeyRef.Source.PARTITION, List.of(), "p"));
    }

    @Test
    void rejectsWhatIsNotAReference() {
        assertThatThrownBy(() -> KeyRef.parse("topic")).hasMessageContaining("partition, offset, key or value");
        assertThatThrownBy(() -> KeyRef.parse("value..x")).hasMessageContaining("empty");
        assertThatThrownBy(() -> KeyRef.parse("key.id:")).hasMessageContaining("empty");
        assertThatThrownBy(() -> KeyRef.parse("offset.x")).hasMessageContaining("no fields");
    }
}

package dev.sluice.connect.dynamodb.write;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.connect.common.testing.MutableClock;
import dev.sluice.connect.dynamodb.FakeDynamoDb;
import dev.sluice.connect.dynamodb.RecordingSleeper;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.errors.RetriableException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

class ConditionalWriterTest {

    private final FakeDynamoDb dynamo = new FakeDynamoDb().table("orders", "id", ScalarAttributeType.S);
    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final RecordingSleeper sleeper = new RecordingSleeper(clock);
    private final ConditionalWriter writer = new ConditionalWriter(dynamo, 4, new Retries(5, 100,
            Duration.ofMinutes(1), clock, sleeper, new Random(1)));

    @AfterEach
    void close() {
        writer.close();
    }

    static WriteOp.Put put(String id, String version, int partition, long offset) {
        Map<String, AttributeValue> key = Map.of("id", AttributeValue.fromS(id));
        return new WriteOp.Put("orders", key, Map.of("id", AttributeValue.fromS(id),
                "version", AttributeValue.fromS(version),
                "kafka_partition", AttributeValue.fromN(Integer.toString(partition)),
                "kafka_offset", AttributeValue.fromN(Long.toString(offset))), partition, offset);
    }

    private String version(String id) {
        return dynamo.item("orders", Map.of("id", AttributeValue.fromS(id))).map(i -> i.get("version").s())
                .orElse(null);
    }

    @Test
    void anOlderRecordNeverReplacesANewerOne() {
        writer.write(List.of(put("a", "v2", 0, 20)));

        writer.write(List.of(put("a", "v1", 0, 10)));
        assertThat(version("a")).isEqualTo("v2");

        writer.write(List.of(put("a", "v2-again", 0, 20)));
        assertThat(version("a")).as("the same offset again is already there").isEqualTo("v2");

        writer.write(List.of(put("a", "v3", 0, 30)));
        assertThat(version("a")).isEqualTo("v3");

        writer.write(List.of(put("a", "other-partition", 1, 5)));
        assertThat(version("a")).as("offsets of different partitions are not comparable").isEqualTo("other-partition");
    }

    @Test
    void deletesAreConditionalToo() {
        writer.write(List.of(put("a", "v2", 0, 20)));

        writer.write(List.of(new WriteOp.Delete("orders", Map.of("id", AttributeValue.fromS("a")), 0, 10)));
        assertThat(version("a")).isEqualTo("v2");

        writer.write(List.of(new WriteOp.Delete("orders", Map.of("id", AttributeValue.fromS("a")), 0, 21)));
        assertThat(version("a")).isNull();
    }

    @Test
    void manyItemsInParallelAndTheLastWritePerKey() {
        List<WriteOp> ops = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            ops.add(put("o-" + (i % 40), "v" + i, 0, i));
        }

        writer.write(ops);

        assertThat(dynamo.items("orders")).hasSize(40);
        assertThat(version("o-0")).isEqualTo("v80");
        assertThat(dynamo.calls()).hasSize(40).containsOnly("PutItem");
    }

    @Test
    void transientFailuresAreRetriedAndAMisconfigurationIsNot() {
        dynamo.failNext(2, FakeDynamoDb::throttled);
        writer.write(List.of(put("a", "v1", 0, 1)));
        assertThat(version("a")).isEqualTo("v1");

        dynamo.failNext(10, FakeDynamoDb::serverError);
        assertThatThrownBy(() -> writer.write(List.of(put("b", "v1", 0, 2)))).isInstanceOf(RetriableException.class);

        dynamo.failNext(1, FakeDynamoDb::accessDenied);
        assertThatThrownBy(() -> writer.write(List.of(put("c", "v1", 0, 3)))).isInstanceOf(ConnectException.class)
                .isNotInstanceOf(RetriableException.class).hasMessageContaining("access denied");
    }
}

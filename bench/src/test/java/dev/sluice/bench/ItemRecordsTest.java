package dev.sluice.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sluice.connect.dynamodb.mapping.ItemMapper;
import dev.sluice.connect.dynamodb.mapping.ItemSize;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class ItemRecordsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final ItemRecords records = new ItemRecords(1024);

    @Test
    void everyValueIsAJsonObjectOfExactlyTheSize() throws Exception {
        for (long i : new long[] {0, 7, 199_999, Long.MAX_VALUE}) {
            byte[] value = records.value(i);
            assertThat(value).hasSize(1024);
            JsonNode json = JSON.readTree(value);
            assertThat(json.path("seq").asLong()).isEqualTo(i);
            assertThat(json.path("source").asText()).isEqualTo("sluice-bench");
            assertThat(json.path("payload").asText()).matches("[A-Za-z0-9_-]+");
            assertThat(new String(records.key(i), StandardCharsets.UTF_8)).isEqualTo("id-" + i);
        }
    }

    @Test
    void theRawItemIsTheOneTheSinkWritesForTheRecord() {
        for (long i : new long[] {0, 42, 199_999}) {
            // What the sink does with a StringConverter value that holds a JSON object, keyed by key:id.
            String value = new String(records.value(i), StandardCharsets.UTF_8);
            Map<String, AttributeValue> sinkItem = ItemMapper.attributes(new ItemMapper(false).toAttribute(value,
                    null));
            sinkItem.put(ItemRecords.HASH_KEY, AttributeValue.fromS(new String(records.key(i),
                    StandardCharsets.UTF_8)));

            assertThat(records.item(i)).containsExactlyEntriesOf(sinkItem);
        }
    }

    @Test
    void anItemIsAboutOneKibAsDynamoDbCountsIt() {
        assertThat(ItemSize.of(records.item(123_456))).isBetween(1000L, 1024L);
    }

    @Test
    void payloadsDifferFromRecordToRecordAndRepeatForTheSameOne() {
        assertThat(records.value(1)).isNotEqualTo(records.value(2)).isEqualTo(records.value(1));
    }

    @Test
    void aValueTooSmallForTheJsonIsRefused() {
        assertThatThrownBy(() -> new ItemRecords(60)).isInstanceOf(IllegalArgumentException.class);
    }
}

package dev.sluice.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class EnvelopeValuesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyValueIsSchemadJsonOfExactlyTheSize() throws Exception {
        var values = new EnvelopeValues(1024);
        for (long id : new long[] {0, 7, 999_999, Long.MAX_VALUE}) {
            byte[] value = values.value(id);
            assertThat(value).hasSize(1024);
            JsonNode json = JSON.readTree(value);
            assertThat(json.path("schema").path("type").asText()).isEqualTo("struct");
            assertThat(json.path("payload").path("id").asLong()).isEqualTo(id);
            assertThat(json.path("payload").path("payload").asText()).matches("[A-Za-z0-9_-]+");
        }
    }

    @Test
    void payloadsDifferFromRecordToRecordAndRepeatForTheSameId() {
        var values = new EnvelopeValues(1024);

        assertThat(values.value(1)).isNotEqualTo(values.value(2)).isEqualTo(values.value(1));
    }

    @Test
    void aValueTooSmallForTheSchemaIsRefused() {
        assertThatThrownBy(() -> new EnvelopeValues(100)).isInstanceOf(IllegalArgumentException.class);
    }
}

package dev.sluice.connect.lambda.invoke;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.connect.lambda.Records;
import dev.sluice.connect.lambda.event.EncodedRecord;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.OptionalInt;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class BatchItemFailuresTest {

    private static final List<EncodedRecord> BATCH = Records.encoded(new TopicPartition("orders", 2), 10, 14);

    private static OptionalInt firstFailed(String response) throws BatchItemFailures.InvalidResponse {
        return BatchItemFailures.firstFailed(response == null ? null : response.getBytes(StandardCharsets.UTF_8),
                BATCH);
    }

    @Test
    void theEarliestReportedRecordIsWhereRetryingStarts() throws Exception {
        assertThat(firstFailed("{\"batchItemFailures\": [{\"itemIdentifier\": {\"partition\": \"orders-2\", "
                + "\"offset\": 13}}, {\"itemIdentifier\": {\"partition\": \"orders-2\", \"offset\": 11}}]}"))
                .hasValue(1);
        assertThat(firstFailed("{\"batchItemFailures\": [{\"itemIdentifier\": {\"partition\": \"orders-2\", "
                + "\"offset\": \"14\"}}]}")).hasValue(4);
    }

    @Test
    void nothingReportedMeansEveryRecordSucceeded() throws Exception {
        for (String response : new String[] {null, "", "  ", "null", "{}", "\"done\"", "{\"batchItemFailures\": []}",
                "{\"batchItemFailures\": null}", "{\"other\": 1}"}) {
            assertThat(firstFailed(response)).as(String.valueOf(response)).isEmpty();
        }
    }

    @Test
    void anIdentifierThatNamesNoRecordOfTheBatchFailsTheWholeBatch() {
        assertThatThrownBy(() -> firstFailed("{\"batchItemFailures\": [{\"itemIdentifier\": {\"partition\": "
                + "\"orders-2\", \"offset\": 99}}]}")).isInstanceOf(BatchItemFailures.InvalidResponse.class)
                .hasMessageContaining("names no record of the batch");
        assertThatThrownBy(() -> firstFailed("{\"batchItemFailures\": [{\"itemIdentifier\": {\"partition\": "
                + "\"orders-1\", \"offset\": 11}}]}")).isInstanceOf(BatchItemFailures.InvalidResponse.class);
        assertThatThrownBy(() -> firstFailed("{\"batchItemFailures\": [{\"itemIdentifier\": \"orders-2@11\"}]}"))
                .isInstanceOf(BatchItemFailures.InvalidResponse.class);
        assertThatThrownBy(() -> firstFailed("{\"batchItemFailures\": {}}"))
                .isInstanceOf(BatchItemFailures.InvalidResponse.class);
        assertThatThrownBy(() -> firstFailed("{not json")).isInstanceOf(BatchItemFailures.InvalidResponse.class);
    }
}

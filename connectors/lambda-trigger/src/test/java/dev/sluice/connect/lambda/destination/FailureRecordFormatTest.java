package dev.sluice.connect.lambda.destination;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.KafkaEvent;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import dev.sluice.connect.lambda.Records;
import dev.sluice.connect.lambda.event.EncodedRecord;
import dev.sluice.connect.lambda.invoke.InvokeOutcome.ResponseContext;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.protocols.jsoncore.JsonNode;

class FailureRecordFormatTest {

    private static final TopicPartition ORDERS_2 = new TopicPartition("orders", 2);
    private static final Instant AT = Instant.parse("2026-01-01T00:00:05.568Z");

    private final FailureRecordFormat format = new FailureRecordFormat(Records.EVENTS, "my-function:live",
            Optional.empty(), Optional.of("broker:9092"));

    private static Map<String, JsonNode> object(JsonNode node, String field) {
        return node.asObject().get(field).asObject();
    }

    @Test
    void aFailedRecordIsWrittenInLambdasFormatForAKafkaDestination() {
        EncodedRecord record = Records.encoded(ORDERS_2, 17, 1_767_225_604_835L, "{\"id\":1}");
        var report = new FailureReport(FailureReport.Condition.RETRY_ATTEMPTS_EXHAUSTED,
                List.of(Records.encoded(ORDERS_2, 16), record), 11,
                Optional.of(new ResponseContext(200, "$LATEST", "Unhandled", "IllegalStateException: bad order")),
                Optional.of("e4b46cbf-b738-xmpl-8880-a18cdf61200e"), AT);

        JsonNode value = JsonNode.parser().parse(format.value(report, record));

        assertThat(value.asObject()).containsOnlyKeys("requestContext", "responseContext", "version", "timestamp",
                "KafkaBatchInfo", "payload");
        var request = object(value, "requestContext");
        assertThat(request.get("requestId").asString()).isEqualTo("e4b46cbf-b738-xmpl-8880-a18cdf61200e");
        assertThat(request.get("functionArn").asString()).isEqualTo("my-function:live");
        assertThat(request.get("condition").asString()).isEqualTo("RetryAttemptsExhausted");
        assertThat(request.get("approximateInvokeCount").asNumber()).isEqualTo("11");
        var response = object(value, "responseContext");
        assertThat(response.get("statusCode").asNumber()).isEqualTo("200");
        assertThat(response.get("executedVersion").asString()).isEqualTo("$LATEST");
        assertThat(response.get("functionError").asString()).isEqualTo("Unhandled");
        assertThat(response.get("errorMessage").asString()).isEqualTo("IllegalStateException: bad order");
        assertThat(value.asObject().get("version").asString()).isEqualTo("1.0");
        assertThat(value.asObject().get("timestamp").asString()).isEqualTo("2026-01-01T00:00:05.568Z");
        var batch = object(value, "KafkaBatchInfo");
        assertThat(batch.get("batchSize").asNumber()).isEqualTo("2");
        assertThat(batch.get("bootstrapServers").asString()).isEqualTo("broker:9092");
        assertThat(batch).doesNotContainKey("eventSourceArn");
        assertThat(batch.get("recordInfo").asObject().get("offset").asString()).isEqualTo("17");
        assertThat(batch.get("recordInfo").asObject().get("timestamp").asString())
                .isEqualTo("2026-01-01T00:00:04.835Z");

        byte[] payload = Records.EVENTS.event(ORDERS_2, List.of(record));
        assertThat(batch.get("payloadSize").asNumber()).isEqualTo(Integer.toString(payload.length));
        KafkaEvent event = LambdaEventSerializers.serializerFor(KafkaEvent.class, KafkaEvent.class.getClassLoader())
                .fromJson(value.asObject().get("payload").toString());
        assertThat(event.getRecords().get("orders-2")).singleElement()
                .satisfies(r -> assertThat(r.getOffset()).isEqualTo(17));
    }

    @Test
    void aRecordThatWasNeverInvokedHasNoResponseContext() {
        EncodedRecord record = Records.encoded(ORDERS_2, 3);
        var report = new FailureReport(FailureReport.Condition.MAXIMUM_PAYLOAD_SIZE_EXCEEDED, List.of(record), 0,
                Optional.empty(), Optional.empty(), Instant.parse("2026-01-01T00:00:00Z"));

        JsonNode value = JsonNode.parser().parse(format.value(report, record));

        assertThat(value.asObject().get("responseContext").isNull()).isTrue();
        assertThat(object(value, "requestContext").get("requestId").isNull()).isTrue();
        assertThat(object(value, "requestContext").get("condition").asString()).isEqualTo("MaximumPayloadSizeExceeded");
        assertThat(value.asObject().get("timestamp").asString()).isEqualTo("2026-01-01T00:00:00.000Z");
    }
}

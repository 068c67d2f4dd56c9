package dev.sluice.connect.lambda.destination;

import dev.sluice.connect.lambda.event.EncodedRecord;
import dev.sluice.connect.lambda.event.JsonBytes;
import dev.sluice.connect.lambda.event.KafkaEventWriter;
import dev.sluice.connect.lambda.invoke.InvokeOutcome.ResponseContext;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/**
 * The value of a record written to a Kafka on-failure destination, in the format Lambda documents for one: the
 * failure ({@code requestContext}, {@code responseContext}, {@code version}, {@code timestamp},
 * {@code KafkaBatchInfo}) and, under {@code payload}, the event that the failed record would have gone in, with that
 * record alone. Sluice adds {@code responseContext.errorMessage}: the function's errorType and errorMessage, or what was
 * wrong with its response.
 */
public final class FailureRecordFormat {

    private final KafkaEventWriter events;
    private final String functionArn;
    private final Optional<String> eventSourceArn;
    private final Optional<String> bootstrapServers;

    /** @param functionArn the function as configured (name or ARN, with its qualifier) */
    public FailureRecordFormat(KafkaEventWriter events, String functionArn, Optional<String> eventSourceArn,
            Optional<String> bootstrapServers) {
        this.events = events;
        this.functionArn = functionArn;
        this.eventSourceArn = eventSourceArn;
        this.bootstrapServers = bootstrapServers;
    }

    public byte[] value(FailureReport report, EncodedRecord record) {
        byte[] payload = events.event(record.partition(), List.of(record));
        var out = new JsonBytes(payload.length + 1_024);
        out.raw("{\"requestContext\":{\"requestId\":");
        if (report.requestId().isPresent()) {
            out.string(report.requestId().get());
        } else {
            out.raw("null");
        }
        out.raw(",\"functionArn\":").string(functionArn)
                .raw(",\"condition\":").string(report.condition().lambdaName())
                .raw(",\"approximateInvokeCount\":").number(report.approximateInvokeCount())
                .raw("},\"responseContext\":");
        if (report.response().isPresent()) {
            responseContext(report.response().get(), out);
        } else {
            out.raw("null");
        }
        out.raw(",\"version\":\"1.0\",\"timestamp\":").string(iso(report.at()))
                .raw(",\"KafkaBatchInfo\":{\"batchSize\":").number(report.records().size());
        eventSourceArn.ifPresent(arn -> out.raw(",\"eventSourceArn\":").string(arn));
        bootstrapServers.ifPresent(servers -> out.raw(",\"bootstrapServers\":").string(servers));
        out.raw(",\"payloadSize\":").number(payload.length)
                .raw(",\"recordInfo\":{\"offset\":").string(Long.toString(record.offset()))
                .raw(",\"timestamp\":");
        if (record.timestamp() >= 0) {
            out.string(iso(Instant.ofEpochMilli(record.timestamp())));
        } else {
            out.raw("null");
        }
        return out.raw("}},\"payload\":").raw(payload).raw('}').toByteArray();
    }

    private static void responseContext(ResponseContext response, JsonBytes out) {
        out.raw("{\"statusCode\":").number(response.statusCode());
        if (response.executedVersion() != null) {
            out.raw(",\"executedVersion\":").string(response.executedVersion());
        }
        if (response.functionError() != null) {
            out.raw(",\"functionError\":").string(response.functionError());
        }
        if (response.errorMessage() != null) {
            out.raw(",\"errorMessage\":").string(response.errorMessage());
        }
        out.raw('}');
    }

    /** ISO-8601 in UTC with milliseconds, as Lambda writes times: 2019-11-14T18:16:05.568Z. */
    static String iso(Instant instant) {
        Instant millis = instant.truncatedTo(ChronoUnit.MILLIS);
        String text = millis.toString();
        return millis.getNano() == 0 ? text.replace("Z", ".000Z") : text;
    }
}

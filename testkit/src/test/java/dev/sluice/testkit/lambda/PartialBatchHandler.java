package dev.sluice.testkit.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.KafkaEvent;
import com.amazonaws.services.lambda.runtime.events.KafkaEvent.KafkaEventRecord;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A function with a partial batch response: it records every record it gets ({@link KafkaEventRecorder#append}),
 * and reports as failed, in {@code batchItemFailures} with Lambda's Kafka identifier ({@code {"partition":
 * "<topic>-<partition>", "offset": <offset>}}), each record whose value contains {@value #MARKER} the first time it
 * sees it. What it has seen is kept in the file named by {@value #STATE_VARIABLE}, since each instance is a JVM of
 * its own. Package it with {@link KafkaEventRecorder}.
 */
public class PartialBatchHandler implements RequestHandler<KafkaEvent, Map<String, Object>> {

    public static final String MARKER = "fail-once";
    public static final String STATE_VARIABLE = "SLUICE_STATE_FILE";

    @Override
    public Map<String, Object> handleRequest(KafkaEvent event, Context context) {
        KafkaEventRecorder.append(event, context);
        Path state = Path.of(System.getenv(STATE_VARIABLE));
        List<String> failedBefore = read(state);
        List<Map<String, Object>> failures = new ArrayList<>();
        for (Map.Entry<String, List<KafkaEventRecord>> partition : event.getRecords().entrySet()) {
            for (KafkaEventRecord record : partition.getValue()) {
                String id = partition.getKey() + "@" + record.getOffset();
                if (KafkaEventRecorder.value(record).contains(MARKER) && !failedBefore.contains(id)) {
                    write(state, id);
                    failures.add(Map.of("itemIdentifier",
                            Map.of("partition", partition.getKey(), "offset", record.getOffset())));
                }
            }
        }
        return Map.of("batchItemFailures", failures);
    }

    private static List<String> read(Path state) {
        try {
            return Files.exists(state) ? Files.readAllLines(state) : List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Path state, String id) {
        try {
            Files.writeString(state, id + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

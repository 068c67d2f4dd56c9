package dev.sluice.testkit.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.KafkaEvent;
import com.amazonaws.services.lambda.runtime.events.KafkaEvent.KafkaEventRecord;

import java.util.List;
import java.util.Map;

/**
 * A function that cannot process a record whose value contains {@value #MARKER}: it throws for any event that holds
 * one, and records the others' records with {@link KafkaEventRecorder#append} (so the file holds only records of
 * invocations that succeeded). Package it with {@link KafkaEventRecorder}.
 */
public class PoisonPillHandler implements RequestHandler<KafkaEvent, String> {

    public static final String MARKER = "poison";

    @Override
    public String handleRequest(KafkaEvent event, Context context) {
        for (Map.Entry<String, List<KafkaEventRecord>> partition : event.getRecords().entrySet()) {
            for (KafkaEventRecord record : partition.getValue()) {
                if (KafkaEventRecorder.value(record).contains(MARKER)) {
                    throw new IllegalStateException("cannot process the " + MARKER + " record at offset "
                            + record.getOffset() + " of " + partition.getKey());
                }
            }
        }
        return "recorded " + KafkaEventRecorder.append(event, context);
    }
}

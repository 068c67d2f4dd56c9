package example;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.KafkaEvent;
import com.amazonaws.services.lambda.runtime.events.KafkaEvent.KafkaEventRecord;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * A function for Lambda's Kafka event source, which the Lambda trigger invokes unchanged: it logs a line per record of
 * the batch, where it comes from and its value decoded from base64 (what a function writes to standard output goes to
 * its log, on Lambda and on the local Lambda host). {@code records} holds one list per topic partition
 * ({@code "orders-0"}), in offset order.
 */
public class OrdersHandler implements RequestHandler<KafkaEvent, Void> {

    @Override
    public Void handleRequest(KafkaEvent event, Context context) {
        for (List<KafkaEventRecord> partition : event.getRecords().values()) {
            for (KafkaEventRecord record : partition) {
                String value = record.getValue() == null ? null
                        : new String(Base64.getDecoder().decode(record.getValue()), StandardCharsets.UTF_8);
                System.out.println(record.getTopic() + "-" + record.getPartition() + "@" + record.getOffset() + ": "
                        + value);
            }
        }
        return null;
    }
}

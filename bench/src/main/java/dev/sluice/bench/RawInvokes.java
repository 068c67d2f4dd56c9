package dev.sluice.bench;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.kafka.common.utils.Time;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;

/**
 * The raw Lambda limit: {@code concurrency} threads, each with a client of its own, invoke the function
 * (RequestResponse) with ready-made events, one at a time each, taking the next event as soon as the last call
 * answered. The events are built before the clock starts: nothing is read from Kafka or encoded.
 */
public final class RawInvokes {

    private final LambdaEndpoint endpoint;
    private final TimedWorkers workers;

    public RawInvokes(LambdaEndpoint endpoint, Time time) {
        this.endpoint = endpoint;
        this.workers = new TimedWorkers(time);
    }

    /**
     * Invokes {@code function} once with each event.
     *
     * @param recordsPerEvent the records each event holds, for the rate
     * @param bytesPerRecord the bytes to count for each record (its value's size), for MiB/s
     * @param whileAlive runs after the last answer, while the threads still live (to read their CPU time)
     * @return the records sent, over the time from the first call to the last answer
     */
    public Throughput run(String function, List<byte[]> events, List<Integer> recordsPerEvent, int concurrency,
                          long bytesPerRecord, Runnable whileAlive) throws InterruptedException {
        long nanos = workers.run("bench-raw-lambda", concurrency, events.size(), () -> endpoint.client(1),
                (client, i) -> invoke(client, function, events.get((int) i)), whileAlive);
        long records = recordsPerEvent.stream().mapToLong(Integer::longValue).sum();
        return new Throughput(new Counts(records, records * bytesPerRecord), nanos);
    }

    private static void invoke(LambdaClient client, String function, byte[] event) {
        InvokeResponse response = client.invoke(r -> r.functionName(function)
                .payload(SdkBytes.fromByteArrayUnsafe(event)));
        if (response.functionError() != null) {
            throw new IllegalStateException("the function failed (" + response.functionError() + "): "
                    + response.payload().asString(StandardCharsets.UTF_8));
        }
    }
}

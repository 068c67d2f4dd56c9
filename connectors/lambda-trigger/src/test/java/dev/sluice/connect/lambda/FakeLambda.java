package dev.sluice.connect.lambda;

import com.amazonaws.services.lambda.runtime.events.KafkaEvent;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.DefaultAwsResponseMetadata;
import software.amazon.awssdk.awscore.util.AwsHeader;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.GetFunctionRequest;
import software.amazon.awssdk.services.lambda.model.GetFunctionResponse;
import software.amazon.awssdk.services.lambda.model.InvokeRequest;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import software.amazon.awssdk.services.lambda.model.LambdaException;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;
import software.amazon.awssdk.services.lambda.model.TooManyRequestsException;

/**
 * A Lambda function as a connector test sees it: each invocation's event is read back with AWS's own KafkaEvent and
 * serialization, as a Java handler would receive it, and the function's answer is scripted per invocation.
 */
public class FakeLambda implements LambdaClient {

    private static final PojoSerializer<KafkaEvent> EVENTS =
            LambdaEventSerializers.serializerFor(KafkaEvent.class, KafkaEvent.class.getClassLoader());

    /** One invocation, as the function saw it. */
    public record Invocation(InvokeRequest request, byte[] payload, KafkaEvent event) {

        public List<KafkaEvent.KafkaEventRecord> records() {
            List<KafkaEvent.KafkaEventRecord> records = new ArrayList<>();
            event.getRecords().values().forEach(records::addAll);
            return records;
        }

        public List<Long> offsets() {
            return records().stream().map(KafkaEvent.KafkaEventRecord::getOffset).toList();
        }

        public String partition() {
            return event.getRecords().keySet().iterator().next();
        }
    }

    private static final AtomicInteger REQUEST_IDS = new AtomicInteger();

    private final ConcurrentLinkedQueue<Invocation> invocations = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<Function<Invocation, InvokeResponse>> scripted = new ConcurrentLinkedQueue<>();
    private volatile Function<Invocation, InvokeResponse> function = invocation -> ok();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();
    private final Set<String> partitionsInFlight = new HashSet<>();
    private volatile boolean overlapSeen;
    private volatile CountDownLatch gate;
    private final Set<String> existing = new HashSet<>(Set.of("my-function"));

    /** Every invocation answers this way, unless scripted otherwise. */
    public FakeLambda function(Function<Invocation, InvokeResponse> function) {
        this.function = function;
        return this;
    }

    /** The next invocations answer these ways, in order, one each. */
    @SafeVarargs
    public final FakeLambda thenAnswer(Function<Invocation, InvokeResponse>... answers) {
        scripted.addAll(List.of(answers));
        return this;
    }

    /** Invocations wait until {@link #open} (or 10 s). */
    public FakeLambda hold() {
        gate = new CountDownLatch(1);
        return this;
    }

    public void open() {
        CountDownLatch latch = gate;
        gate = null;
        if (latch != null) {
            latch.countDown();
        }
    }

    public List<Invocation> invocations() {
        return List.copyOf(invocations);
    }

    /** The offsets each invocation carried, in the order the function got them. */
    public List<List<Long>> batches() {
        return invocations().stream().map(Invocation::offsets).toList();
    }

    public int inFlight() {
        return inFlight.get();
    }

    public int maxInFlight() {
        return maxInFlight.get();
    }

    /** Whether two invocations of one partition were ever in flight at once. */
    public boolean overlapSeen() {
        return overlapSeen;
    }

    public static InvokeResponse ok() {
        return response(200, null, "null");
    }

    public static InvokeResponse functionError(String type, String message) {
        return response(200, "Unhandled", "{\"errorMessage\":\"" + message + "\",\"errorType\":\"" + type
                + "\",\"stackTrace\":[]}");
    }

    /** A partial batch response naming these offsets of the invocation's partition as failed. */
    public static Function<Invocation, InvokeResponse> failing(long... offsets) {
        return invocation -> {
            var items = new StringBuilder();
            for (long offset : offsets) {
                items.append(items.length() == 0 ? "" : ",").append("{\"itemIdentifier\":{\"partition\":\"")
                        .append(invocation.partition()).append("\",\"offset\":").append(offset).append("}}");
            }
            return response(200, null, "{\"batchItemFailures\":[" + items + "]}");
        };
    }

    public static InvokeResponse response(int status, String functionError, String payload) {
        return (InvokeResponse) InvokeResponse.builder().statusCode(status).functionError(functionError)
                .executedVersion("$LATEST").payload(SdkBytes.fromString(payload, StandardCharsets.UTF_8))
                .responseMetadata(DefaultAwsResponseMetadata.create(Map.of(AwsHeader.AWS_REQUEST_ID,
                        "req-" + REQUEST_IDS.incrementAndGet())))
                .build();
    }

    public static RuntimeException throttled() {
        return TooManyRequestsException.builder().statusCode(429).message("Rate exceeded")
                .awsErrorDetails(details("TooManyRequestsException")).build();
    }

    public static RuntimeException notFound() {
        return ResourceNotFoundException.builder().statusCode(404).message("Function not found: my-function")
                .awsErrorDetails(details("ResourceNotFoundException")).build();
    }

    public static RuntimeException serviceError(int status, String code) {
        return LambdaException.builder().statusCode(status).message(code).awsErrorDetails(details(code)).build();
    }

    private static AwsErrorDetails details(String code) {
        return AwsErrorDetails.builder().errorCode(code).serviceName("Lambda").errorMessage(code).build();
    }

    @Override
    public InvokeResponse invoke(InvokeRequest request) {
        byte[] payload = request.payload().asByteArray();
        KafkaEvent event = EVENTS.fromJson(new ByteArrayInputStream(payload));
        var invocation = new Invocation(request, payload, event);
        String partition = event.getRecords().keySet().iterator().next();
        synchronized (partitionsInFlight) {
            if (!partitionsInFlight.add(partition)) {
                overlapSeen = true;
            }
        }
        maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
        try {
            CountDownLatch latch = gate;
            if (latch != null && !latch.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("The test never opened the gate");
            }
            invocations.add(invocation);
            Function<Invocation, InvokeResponse> answer = scripted.poll();
            return (answer != null ? answer : function).apply(invocation);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            inFlight.decrementAndGet();
            synchronized (partitionsInFlight) {
                partitionsInFlight.remove(partition);
            }
        }
    }

    public FakeLambda without(String function) {
        existing.remove(function);
        return this;
    }

    @Override
    public GetFunctionResponse getFunction(GetFunctionRequest request) {
        if (!existing.contains(request.functionName())) {
            throw notFound();
        }
        return GetFunctionResponse.builder().build();
    }

    @Override
    public String serviceName() {
        return "lambda";
    }

    @Override
    public void close() {
    }
}

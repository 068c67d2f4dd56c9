package dev.sluice.testkit.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A test function that answers with what it got and what it sees ({@code version.txt} of its package, its context,
 * the environment variables named in {@code env}), and does what its input asks: {@code log} a line, {@code fail}
 * with an IllegalArgumentException, {@code sleepMillis} (to run past its timeout), {@code exit} its JVM.
 */
public class EchoHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> input, Context context) {
        if (input.containsKey("log")) {
            System.out.println(input.get("log"));
        }
        if (input.containsKey("fail")) {
            throw new IllegalArgumentException(String.valueOf(input.get("fail")));
        }
        if (input.containsKey("exit")) {
            System.exit(((Number) input.get("exit")).intValue());
        }
        if (input.containsKey("sleepMillis")) {
            sleep(((Number) input.get("sleepMillis")).longValue());
        }
        Map<String, Object> env = new LinkedHashMap<>();
        for (Object name : (List<?>) input.getOrDefault("env", List.of())) {
            env.put(String.valueOf(name), System.getenv(String.valueOf(name)));
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("echo", input);
        answer.put("version", version());
        answer.put("functionName", context.getFunctionName());
        answer.put("memoryLimitInMB", context.getMemoryLimitInMB());
        answer.put("requestId", context.getAwsRequestId());
        answer.put("env", env);
        return answer;
    }

    /**
     * The function's behaviour under test, a handler that runs for {@code millis} (past its timeout), not a test
     * waiting for something: it waits on a latch that nothing opens.
     */
    private static void sleep(long millis) {
        try {
            new CountDownLatch(1).await(millis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String version() {
        try (InputStream in = EchoHandler.class.getResourceAsStream("/version.txt")) {
            return in == null ? "none" : new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            return "unreadable";
        }
    }
}

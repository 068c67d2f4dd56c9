package dev.sluice.bench;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/** {@code ./sluice bench NAME [OPTIONS]}: runs one benchmark by name. */
public final class BenchMain {

    private static final Map<String, Supplier<Benchmark>> BENCHMARKS = new TreeMap<>(Map.of(
            "framework", FrameworkBench::new,
            "control-plane", ControlPlaneBench::new,
            "s3-sink", S3SinkBench::new,
            "dynamodb-sink", DynamoDbSinkBench::new,
            "lambda-trigger", LambdaTriggerBench::new,
            "cdc-source", CdcSourceBench::new,
            "schema-registry", SchemaRegistryBench::new,
            "failover", FailoverBench::new));

    private BenchMain() {
    }

    public static void main(String[] args) {
        Supplier<Benchmark> benchmark = args.length == 0 ? null : BENCHMARKS.get(args[0]);
        if (benchmark == null) {
            System.err.println(args.length == 0 ? "sluice bench: which benchmark?"
                    : "sluice bench: unknown benchmark '" + args[0] + "'");
            System.err.println("benchmarks: " + String.join(", ", BENCHMARKS.keySet()));
            System.exit(2);
        }
        int status = 0;
        try {
            benchmark.get().run(Arrays.asList(args).subList(1, args.length), System.out);
        } catch (IllegalArgumentException e) {
            System.err.println("sluice bench " + args[0] + ": " + e.getMessage());
            status = 2;
        } catch (Exception e) {
            System.err.println("sluice bench " + args[0] + " failed:");
            e.printStackTrace();
            status = 1;
        }
        System.out.flush();
        // Clients and servers stopped by the benchmark may leave non-daemon threads winding down; don't wait.
        System.exit(status);
    }
}

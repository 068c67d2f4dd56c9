package dev.sluice.bench;

import com.amazonaws.services.schemaregistry.serializers.GlueSchemaRegistryKafkaSerializer;
import com.amazonaws.services.schemaregistry.utils.AWSSchemaRegistryConstants;
import dev.sluice.runtime.broker.EmbeddedKafkaCluster;
import dev.sluice.runtime.broker.Ports;
import dev.sluice.testkit.WorkerNode;
import java.io.PrintStream;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.utils.Time;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.glue.model.DataFormat;
import software.amazon.awssdk.services.glue.model.SchemaId;

/**
 * {@code ./sluice bench schema-registry}: what resolving schemas through Sluice's registry costs a producer. AWS's
 * Glue Schema Registry serializer (auto-registration on, its cache on, as shipped) sends Avro records through a
 * worker node's registry; the same producer without a registry sends the same records encoded by hand with Avro's
 * binary encoder. Runs alternate within each round and swap order each round; each is timed from its first
 * {@code send} to the end of its {@code flush}. Then {@code GetSchemaByDefinition}, the call every serializer makes
 * on a cache miss, from 50 concurrent clients: its latency percentiles. Prints
 * {@code schema-registry-overhead: <with ÷ without>} last.
 */
public final class SchemaRegistryBench implements Benchmark {

    private static final String REGISTRY = "bench-registry";
    private static final String SCHEMA = "bench-orders";
    private static final String REGION = "us-east-1";
    private static final StaticCredentialsProvider CREDENTIALS =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("bench", "bench-secret"));

    private final Time time = Time.SYSTEM;

    /** One round: records per second with the registry and without. */
    private record Round(double with, double without) {
    }

    @Override
    public void run(List<String> args, PrintStream out) throws Exception {
        var settings = SchemaRegistryBenchSettings.parse(args);
        var orders = new AvroOrders(settings.noteBytes());
        out.printf(Locale.ROOT, "schema-registry: %,d Avro records (5 fields, %,d B encoded) a run, %d rounds; "
                        + "GetSchemaByDefinition from %d clients x %d calls%n", settings.records(),
                new AvroOrders.PlainAvroSerializer().serialize("", orders.get(0)).length, settings.rounds(),
                settings.clients(), settings.lookupsPerClient());
        List<Round> rounds = new ArrayList<>();
        List<Double> latenciesMs;
        Round warmUp;
        try (var dir = TempDirectory.create("sluice-bench-schema-registry-");
             var cluster = EmbeddedKafkaCluster.builder(dir.path().resolve("kafka")).brokers(1).freePorts()
                     .build()) {
            cluster.start();
            List<Integer> ports = Ports.freePorts("127.0.0.1", 2);
            var node = new WorkerNode(cluster.bootstrapServers(), List.of(BenchPlugins.path()), Map.of(),
                    ports.get(0), ports.get(1));
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                    cluster.bootstrapServers()))) {
                node.start();
                admin.createTopics(List.of(new NewTopic("bench-gsr", 1, (short) 1),
                        new NewTopic("bench-plain", 1, (short) 1))).all().get();
                try (GlueClient glue = glue(node.apiUrl())) {
                    glue.createRegistry(b -> b.registryName(REGISTRY));
                }
                warmUp = round(cluster.bootstrapServers(), node.apiUrl(), orders, settings.records() / 5, true);
                out.printf(Locale.ROOT, "warm-up (not counted): with registry %,.0f records/s, without %,.0f%n",
                        warmUp.with(), warmUp.without());
                for (int r = 0; r < settings.rounds(); r++) {
                    Round round = round(cluster.bootstrapServers(), node.apiUrl(), orders, settings.records(),
                            r % 2 == 0);
                    rounds.add(round);
                    out.printf(Locale.ROOT, "round %d: with registry %,.0f records/s, without %,.0f, ratio %.2f%n",
                            r + 1, round.with(), round.without(), round.with() / round.without());
                }
                latenciesMs = lookups(node.apiUrl(), settings);
            } finally {
                node.stop();
            }
        }
        double with = Stats.median(rounds.stream().map(Round::with).toList());
        double without = Stats.median(rounds.stream().map(Round::without).toList());
        out.printf(Locale.ROOT, "median: with registry %,.0f records/s, without %,.0f records/s%n", with, without);
        out.printf(Locale.ROOT, "GetSchemaByDefinition, %d concurrent clients, %,d calls: p50 %.1f ms, p99 %.1f ms, "
                        + "max %.1f ms%n", settings.clients(), latenciesMs.size(),
                Stats.percentile(latenciesMs, 50), Stats.percentile(latenciesMs, 99), Stats.max(latenciesMs));
        out.printf(Locale.ROOT, "schema-registry-overhead: %.2f%n", with / without);
    }

    /** One run with the GSR serializer and one without a registry, in the order given. */
    private Round round(String bootstrap, String apiUrl, AvroOrders orders, long records, boolean registryFirst)
            throws Exception {
        double with;
        double without;
        if (registryFirst) {
            with = produce(bootstrap, "bench-gsr", gsrSerializer(apiUrl), orders, records);
            without = produce(bootstrap, "bench-plain", new AvroOrders.PlainAvroSerializer(), orders, records);
        } else {
            without = produce(bootstrap, "bench-plain", new AvroOrders.PlainAvroSerializer(), orders, records);
            with = produce(bootstrap, "bench-gsr", gsrSerializer(apiUrl), orders, records);
        }
        return new Round(with, without);
    }

    private static Serializer<Object> gsrSerializer(String apiUrl) {
        Map<String, Object> config = new HashMap<>();
        config.put(AWSSchemaRegistryConstants.AWS_ENDPOINT, apiUrl);
        config.put(AWSSchemaRegistryConstants.AWS_REGION, REGION);
        config.put(AWSSchemaRegistryConstants.REGISTRY_NAME, REGISTRY);
        config.put(AWSSchemaRegistryConstants.SCHEMA_NAME, SCHEMA);
        config.put(AWSSchemaRegistryConstants.DATA_FORMAT, "AVRO");
        config.put(AWSSchemaRegistryConstants.SCHEMA_AUTO_REGISTRATION_SETTING, true);
        config.put(AWSSchemaRegistryConstants.AVRO_RECORD_TYPE, "GENERIC_RECORD");
        return new GlueSchemaRegistryKafkaSerializer(CREDENTIALS, config);
    }

    /** Records per second of one producer sending {@code records} orders and flushing. */
    @SuppressWarnings("unchecked")
    private double produce(String bootstrap, String topic, Serializer<?> serializer, AvroOrders orders,
                           long records) {
        Map<String, Object> props = new HashMap<>();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        props.put(ProducerConfig.BATCH_SIZE_CONFIG, 262_144);
        var failure = new AtomicReference<Exception>();
        try (var producer = new KafkaProducer<>(props, new ByteArraySerializer(),
                (Serializer<GenericRecord>) serializer)) {
            long start = time.nanoseconds();
            for (long i = 0; i < records && failure.get() == null; i++) {
                producer.send(new ProducerRecord<>(topic, orders.get(i)), (metadata, e) -> {
                    if (e != null) {
                        failure.compareAndSet(null, e);
                    }
                });
            }
            producer.flush();
            long nanos = time.nanoseconds() - start;
            if (failure.get() != null) {
                throw new IllegalStateException("producing to " + topic + " failed", failure.get());
            }
            return records * 1e9 / nanos;
        }
    }

    private static GlueClient glue(String apiUrl) {
        return GlueClient.builder()
                .endpointOverride(URI.create(apiUrl))
                .region(Region.of(REGION))
                .credentialsProvider(CREDENTIALS)
                .httpClientBuilder(ApacheHttpClient.builder().connectionTimeout(Duration.ofSeconds(5)))
                .build();
    }

    /** Latencies in milliseconds of {@code GetSchemaByDefinition} calls from concurrent clients. */
    private List<Double> lookups(String apiUrl, SchemaRegistryBenchSettings settings) throws InterruptedException {
        String definition = AvroOrders.SCHEMA.toString();
        List<Double> latencies = Collections.synchronizedList(new ArrayList<>());
        new TimedWorkers(time).run("get-schema-by-definition", settings.clients(),
                (long) settings.clients() * settings.lookupsPerClient(),
                () -> glue(apiUrl),
                (glue, item) -> {
                    long start = time.nanoseconds();
                    var found = glue.getSchemaByDefinition(b -> b
                            .schemaId(SchemaId.builder().registryName(REGISTRY).schemaName(SCHEMA).build())
                            .schemaDefinition(definition));
                    latencies.add((time.nanoseconds() - start) / 1e6);
                    if (found.dataFormat() != DataFormat.AVRO) {
                        throw new IllegalStateException("GetSchemaByDefinition answered " + found);
                    }
                });
        return new ArrayList<>(latencies);
    }
}

package dev.sluice.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sluice.runtime.dev.LocalPostgresServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.stream.LongStream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.utils.Time;

/**
 * Commit-to-topic latency of a CDC connector that is streaming: rows are inserted at a steady rate, one transaction
 * every {@link #TICK}, and each is timed from its transaction's commit (Debezium's {@code source.ts_ms}, which is
 * PostgreSQL's commit timestamp) to the moment a consumer of the topic, polling all along, receives its record. Both
 * clocks are this machine's wall clock. Not timed: the steady inserts until the first of them arrives (after a
 * snapshot, the connector streams only seconds later, and then catches up), and a warm-up after that. After the
 * timed window the probe waits until every timed row has arrived.
 */
final class CommitLatencyProbe {

    private static final Duration TICK = Duration.ofMillis(10);
    private static final Duration POLL = Duration.ofMillis(100);
    private static final Duration TAIL_TIMEOUT = Duration.ofSeconds(120);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The latencies of the timed rows, in milliseconds. */
    record Result(List<Double> latenciesMs) {
    }

    private final LocalPostgresServer postgres;
    private final String bootstrapServers;
    private final Time time;

    CommitLatencyProbe(LocalPostgresServer postgres, String bootstrapServers, Time time) {
        this.postgres = postgres;
        this.bootstrapServers = bootstrapServers;
        this.time = time;
    }

    /**
     * @param topic   the connector's topic for the table, of one partition
     * @param firstId the first id to insert; the probe inserts ids from there on
     * @param rate    rows a second, a multiple of 100 (one statement each {@link #TICK})
     */
    Result run(String topic, long firstId, int rate, Duration warmUp, Duration window) throws Exception {
        int rowsPerTick = (int) (rate * TICK.toMillis() / 1000);
        if (rowsPerTick * 1000L != rate * TICK.toMillis()) {
            throw new IllegalArgumentException("the latency rate must be a multiple of " + 1000 / TICK.toMillis());
        }
        var arrivals = new Arrivals(topic);
        Thread consuming = new Thread(arrivals, "bench-latency-consumer");
        consuming.start();
        long timedFirst;
        long timedEnd;
        try (var rows = new CdcRows(postgres, rowsPerTick)) {
            arrivals.awaitAssigned();
            var pacer = new Pacer(rows, rowsPerTick, firstId, arrivals);
            // Until the connector streams (its first records come late after a snapshot), then the warm-up.
            pacer.until(() -> !arrivals.latencies.isEmpty(), TAIL_TIMEOUT);
            long warmUpEnd = time.nanoseconds() + warmUp.toNanos();
            pacer.until(() -> time.nanoseconds() >= warmUpEnd, warmUp.plus(TAIL_TIMEOUT));
            timedFirst = pacer.next;
            long windowEnd = time.nanoseconds() + window.toNanos();
            pacer.until(() -> time.nanoseconds() >= windowEnd, window.plus(TAIL_TIMEOUT));
            timedEnd = pacer.next;
            long deadline = time.nanoseconds() + TAIL_TIMEOUT.toNanos();
            while (!arrivals.latencies.keySet().containsAll(ids(timedFirst, timedEnd))) {
                arrivals.check();
                if (time.nanoseconds() > deadline) {
                    throw new TimeoutException("not every timed row arrived in topic " + topic + " within "
                            + TAIL_TIMEOUT.toSeconds() + " s");
                }
                time.sleep(POLL.toMillis());
            }
        } finally {
            arrivals.stopped = true;
            consuming.join();
        }
        arrivals.check();
        List<Double> timed = new ArrayList<>();
        for (long id = timedFirst; id < timedEnd; id++) {
            timed.add(arrivals.latencies.get(id));
        }
        return new Result(timed);
    }

    private static List<Long> ids(long from, long to) {
        return LongStream.range(from, to).boxed().toList();
    }

    /** Inserts {@code rowsPerTick} rows, one transaction, every {@link #TICK}, catching up when late. */
    private final class Pacer {
        private final CdcRows rows;
        private final int rowsPerTick;
        private final Arrivals arrivals;
        private long next;

        Pacer(CdcRows rows, int rowsPerTick, long firstId, Arrivals arrivals) {
            this.rows = rows;
            this.rowsPerTick = rowsPerTick;
            this.next = firstId;
            this.arrivals = arrivals;
        }

        void until(BooleanSupplier done, Duration timeout) throws Exception {
            long start = time.nanoseconds();
            long nextTick = start;
            while (!done.getAsBoolean()) {
                arrivals.check();
                if (time.nanoseconds() - start > timeout.toNanos()) {
                    throw new TimeoutException("the latency run gave up after " + timeout.toSeconds()
                            + " s of a phase");
                }
                rows.insert(next);
                next += rowsPerTick;
                nextTick += TICK.toNanos();
                long wait = nextTick - time.nanoseconds();
                if (wait > 0) {
                    time.sleep(wait / 1_000_000);
                }
            }
        }
    }

    /** Reads the topic from its end as it stood at the start, noting each row's latency by id. */
    private final class Arrivals implements Runnable {
        private final TopicPartition partition;
        private final Map<Long, Double> latencies = new ConcurrentHashMap<>();
        private final CountDownLatch assigned = new CountDownLatch(1);
        private volatile boolean stopped;
        private volatile RuntimeException failure;

        Arrivals(String topic) {
            this.partition = new TopicPartition(topic, 0);
        }

        @Override
        public void run() {
            try (var consumer = new KafkaConsumer<>(Map.<String, Object>of(
                    ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                    ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false"),
                    new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
                consumer.assign(List.of(partition));
                consumer.seekToEnd(List.of(partition));
                consumer.position(partition);
                assigned.countDown();
                while (!stopped) {
                    var records = consumer.poll(POLL);
                    long arrived = time.milliseconds();
                    for (var record : records) {
                        note(record.value(), arrived);
                    }
                }
            } catch (RuntimeException e) {
                failure = e;
            } finally {
                assigned.countDown();
            }
        }

        private void note(byte[] value, long arrived) {
            JsonNode change;
            try {
                change = JSON.readTree(value);
            } catch (IOException e) {
                throw new UncheckedIOException("a record of the latency run is not JSON", e);
            }
            long id = change.path("after").path("id").asLong(-1);
            latencies.putIfAbsent(id, (double) (arrived - change.path("source").path("ts_ms").asLong()));
        }

        void awaitAssigned() throws InterruptedException {
            assigned.await();
            check();
        }

        void check() {
            if (failure != null) {
                throw new IllegalStateException("consuming the latency run's records failed", failure);
            }
        }
    }
}

package dev.sluice.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/** The raw invokes' events, read from the benchmark's topic before any clock starts. */
final class LambdaEvents {

    private static final Duration READ_TIMEOUT = Duration.ofMinutes(2);

    /**
     * Events of at most {@code batchSize} records of one partition each, in offset order within a partition, the
     * partitions taking turns (as the connector, which keeps one batch per partition in flight, sends them).
     */
    record Batches(List<byte[]> events, List<Integer> recordsPerEvent) {
    }

    private LambdaEvents() {
    }

    static Batches read(String bootstrapServers, String topic, long records, int batchSize) {
        Map<Integer, List<ConsumerRecord<byte[], byte[]>>> byPartition = new TreeMap<>();
        try (var consumer = new KafkaConsumer<>(Map.<String, Object>of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long read = 0;
            long deadline = System.nanoTime() + READ_TIMEOUT.toNanos();
            while (read < records) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("read " + read + " of " + records + " records of " + topic);
                }
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    byPartition.computeIfAbsent(record.partition(), p -> new ArrayList<>()).add(record);
                    read++;
                }
            }
        }
        List<List<List<ConsumerRecord<byte[], byte[]>>>> chunked = byPartition.values().stream()
                .map(list -> chunks(list, batchSize)).toList();
        List<byte[]> events = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        int most = chunked.stream().mapToInt(List::size).max().orElse(0);
        for (int i = 0; i < most; i++) {
            for (List<List<ConsumerRecord<byte[], byte[]>>> partition : chunked) {
                if (i < partition.size()) {
                    events.add(KafkaEvents.event(partition.get(i)));
                    sizes.add(partition.get(i).size());
                }
            }
        }
        return new Batches(List.copyOf(events), List.copyOf(sizes));
    }

    private static <T> List<List<T>> chunks(List<T> list, int size) {
        List<List<T>> chunks = new ArrayList<>();
        for (int from = 0; from < list.size(); from += size) {
            chunks.add(list.subList(from, Math.min(list.size(), from + size)));
        }
        return chunks;
    }
}

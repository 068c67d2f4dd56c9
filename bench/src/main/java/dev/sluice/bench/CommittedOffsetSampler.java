package dev.sluice.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * A sink's progress as its consumer group's committed offsets of one topic, read with one OffsetFetch every
 * {@code periodMs} on a thread of its own, so that a measurement needs no node's REST API; all samples are kept.
 */
final class CommittedOffsetSampler implements AutoCloseable {

    /** The committed offsets of each partition at one moment. */
    record Sample(long nanos, long[] offsets) {
        long sum() {
            return Arrays.stream(offsets).sum();
        }
    }

    private final Admin admin;
    private final String group;
    private final String topic;
    private final int partitions;
    private final long periodMs;
    private final List<Sample> samples = new ArrayList<>();
    private final Thread thread;
    private volatile boolean running = true;

    CommittedOffsetSampler(Admin admin, String group, String topic, int partitions, long periodMs) {
        this.admin = admin;
        this.group = group;
        this.topic = topic;
        this.partitions = partitions;
        this.periodMs = periodMs;
        this.thread = new Thread(this::loop, "bench-committed-offsets");
        thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    private void loop() {
        while (running) {
            long next = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(periodMs);
            try {
                long[] offsets = read();
                long now = System.nanoTime();
                synchronized (samples) {
                    samples.add(new Sample(now, offsets));
                }
            } catch (Exception e) {
                // a sample missed; the next one counts
            }
            long wait = next - System.nanoTime();
            if (wait > 0) {
                try {
                    TimeUnit.NANOSECONDS.sleep(wait);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }

    /** The group's committed offsets now, by partition (0 where none is committed). */
    long[] read() throws Exception {
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
        long[] offsets = new long[partitions];
        committed.forEach((tp, om) -> {
            if (tp.topic().equals(topic) && om != null && tp.partition() < partitions) {
                offsets[tp.partition()] = om.offset();
            }
        });
        return offsets;
    }

    List<Sample> snapshot() {
        synchronized (samples) {
            return new ArrayList<>(samples);
        }
    }

    Sample latest() {
        synchronized (samples) {
            return samples.isEmpty() ? null : samples.get(samples.size() - 1);
        }
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.interrupt();
        thread.join();
    }
}

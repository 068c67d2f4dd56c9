package dev.sluice.bench;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.apache.kafka.common.utils.Time;

/**
 * A ceiling for any JSON lines + gzip sink on this machine: the sink's own objects, unzipped before the clock
 * starts, gzipped again (default level, as the sink's default) by as many threads as the machine has cores, with
 * nothing else to do: no Kafka, no converting, no upload. A sink cannot make gzipped objects faster than this, so
 * this rate over the raw limit is the highest efficiency any JSON lines + gzip sink could show here.
 */
public final class GzipCeiling {

    private static final int BUFFER = 16 * 1024;

    private final List<byte[]> lines;
    private final long recordsPerObject;
    private final TimedWorkers workers;

    /** @param gzippedObjects the sink's JSON lines + gzip objects, each holding {@code recordsPerObject} records */
    public GzipCeiling(List<byte[]> gzippedObjects, long recordsPerObject, Time time) {
        this.lines = gzippedObjects.stream().map(GzipCeiling::gunzip).toList();
        this.recordsPerObject = recordsPerObject;
        this.workers = new TimedWorkers(time);
    }

    /** Gzips {@code objects} objects, cycling through the samples, on every core. */
    public Throughput run(long objects) throws InterruptedException {
        int threads = Runtime.getRuntime().availableProcessors();
        long nanos = workers.run("bench-gzip", threads, objects, () -> () -> { }, (none, i) -> {
            try (var gzip = new GZIPOutputStream(OutputStream.nullOutputStream(), BUFFER)) {
                gzip.write(lines.get((int) (i % lines.size())));
            }
        });
        long bytes = 0;
        for (long i = 0; i < objects; i++) {
            bytes += lines.get((int) (i % lines.size())).length;
        }
        return new Throughput(new Counts(objects * recordsPerObject, bytes), nanos);
    }

    private static byte[] gunzip(byte[] gzipped) {
        try (var in = new GZIPInputStream(new ByteArrayInputStream(gzipped))) {
            var out = new ByteArrayOutputStream(gzipped.length * 2);
            in.transferTo(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("a JSON lines + gzip sample object does not unzip", e);
        }
    }
}

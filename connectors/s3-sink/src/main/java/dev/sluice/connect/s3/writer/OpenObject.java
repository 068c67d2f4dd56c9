package dev.sluice.connect.s3.writer;

import dev.sluice.connect.s3.buffer.MemoryBudget;
import dev.sluice.connect.s3.buffer.SpillingBuffer;
import dev.sluice.connect.s3.format.RecordWriter;
import dev.sluice.connect.s3.format.ViewFormat;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.sink.SinkRecord;

/**
 * The objects being written for one encoded partition: the values' and, when stored, the keys' and headers'
 * beside them ({@link ObjectPart}s). They take the same records in the same order and are finished together under
 * the same start offset, so that entry <i>n</i> of each is the same record.
 */
final class OpenObject {

    private final String topic;
    private final String encodedPartition;
    private final Schema schema;
    private final List<ObjectPart> parts;
    private long startOffset = -1;
    private int count;

    private OpenObject(String topic, String encodedPartition, Schema schema, List<ObjectPart> parts) {
        this.topic = topic;
        this.encodedPartition = encodedPartition;
        this.schema = schema;
        this.parts = parts;
    }

    /**
     * Opens one object per view, with the schemas of {@code first}, which the caller then writes.
     *
     * @throws DataException if {@code first} cannot start one of them; none is left open then
     */
    static OpenObject open(String topic, String encodedPartition, List<ViewFormat> views, SinkRecord first,
            MemoryBudget budget, Path spillDir) throws IOException {
        List<ObjectPart> parts = new ArrayList<>(views.size());
        try {
            for (ViewFormat view : views) {
                parts.add(ObjectPart.open(view, first, budget, spillDir));
            }
        } catch (IOException | RuntimeException e) {
            for (ObjectPart part : parts) {
                try {
                    part.release();
                } catch (IOException suppressed) {
                    e.addSuppressed(suppressed);
                }
            }
            throw e;
        }
        return new OpenObject(topic, encodedPartition, first.valueSchema(), List.copyOf(parts));
    }

    /**
     * Writes the record to every object, or, if any of them rejects it, to none.
     *
     * @throws DataException leaving the objects as they were
     */
    void write(SinkRecord record, long offset) throws IOException {
        List<RecordWriter.Staged> staged = new ArrayList<>(parts.size());
        for (ObjectPart part : parts) {
            staged.add(part.stage(record));
        }
        for (int i = 0; i < parts.size(); i++) {
            try {
                parts.get(i).append(staged.get(i));
            } catch (DataException e) {
                if (i == 0) {
                    throw e;
                }
                // Only Avro refuses a converted record, and hardly ever; the earlier objects already hold it.
                throw new ConnectException("The record at offset " + offset + " was written to "
                        + parts.get(0).extension() + " but its " + parts.get(i).extension() + " object refused it, "
                        + "which would put the objects out of step: " + e.getMessage(), e);
            }
        }
        if (count == 0) {
            startOffset = offset;
        }
        count++;
    }

    /** Ends the objects and hands over their buffers, which the caller must release. */
    List<FinishedObject> finish(ObjectKeys keys, int kafkaPartition) throws IOException {
        List<FinishedObject> finished = new ArrayList<>(parts.size());
        for (ObjectPart part : parts) {
            String key = keys.key(topic, kafkaPartition, encodedPartition, startOffset, part.extension());
            finished.add(part.finish(key, count));
        }
        return finished;
    }

    /** Drops the objects and their bytes, finished or not. Safe to call more than once. */
    void release() throws IOException {
        IOException failure = null;
        for (ObjectPart part : parts) {
            try {
                part.release();
            } catch (IOException e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    int count() {
        return count;
    }

    /** The value schema of the first record. */
    Schema schema() {
        return schema;
    }

    /** The heap the format writers hold beyond their buffers, as counted in the budget. */
    long heldBytes() {
        return parts.stream().mapToLong(ObjectPart::heldBytes).sum();
    }

    /** A finished object waiting for its upload. */
    record FinishedObject(String key, SpillingBuffer buffer, int count) {
    }
}

package dev.sluice.connect.s3.writer;

import dev.sluice.connect.s3.buffer.MemoryBudget;
import dev.sluice.connect.s3.buffer.SpillingBuffer;
import dev.sluice.connect.s3.format.RecordView;
import dev.sluice.connect.s3.format.RecordWriter;
import dev.sluice.connect.s3.format.ViewFormat;
import dev.sluice.connect.s3.writer.OpenObject.FinishedObject;
import java.io.IOException;
import java.nio.file.Path;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.sink.SinkRecord;

/**
 * One of the objects of an {@link OpenObject} (the values, the keys or the headers): its format writer and its
 * own buffer under the task's budget. The heap the writer holds beyond the buffer (Parquet's open row group) is
 * counted in the budget too, {@linkplain MemoryBudget#overcommit overcommitted} after each record and given back
 * as the writer lets go of it.
 */
final class ObjectPart {

    private final ViewFormat format;
    private final SpillingBuffer buffer;
    private final RecordWriter writer;
    private final MemoryBudget budget;
    /** What of the writer's own heap is counted in the budget. */
    private long held;

    private ObjectPart(ViewFormat format, SpillingBuffer buffer, RecordWriter writer, MemoryBudget budget) {
        this.format = format;
        this.buffer = buffer;
        this.writer = writer;
        this.budget = budget;
    }

    /** @throws org.apache.kafka.connect.errors.DataException if {@code first} cannot start this object */
    static ObjectPart open(ViewFormat format, SinkRecord first, MemoryBudget budget, Path spillDir)
            throws IOException {
        var buffer = new SpillingBuffer(budget, spillDir);
        try {
            var part = new ObjectPart(format, buffer, format.open(buffer, first), budget);
            part.account();
            return part;
        } catch (IOException | RuntimeException e) {
            buffer.release();
            throw e;
        }
    }

    /**
     * Converts the record for this object; see {@link RecordWriter#stage}. The keys and headers objects hold one
     * schema each in Avro and Parquet, fixed by their first record, so a key whose schema differs from it is
     * rejected here (only value schemas start new objects, as in Confluent).
     */
    RecordWriter.Staged stage(SinkRecord record) {
        SinkRecord view = format.project(record);
        try {
            return writer.stage(view);
        } catch (DataException e) {
            if (format.view() == RecordView.VALUE) {
                throw e;
            }
            throw new DataException("Cannot write to the " + format.extension() + " object: " + e.getMessage(), e);
        }
    }

    void append(RecordWriter.Staged staged) throws IOException {
        try {
            staged.append();
        } finally {
            account();
        }
    }

    /** Ends the object and hands over its buffer, which the caller must release. */
    FinishedObject finish(String key, int count) throws IOException {
        try {
            writer.finish();
        } finally {
            account();
        }
        buffer.finish();
        return new FinishedObject(key, buffer, count);
    }

    /** Gives back all this object's heap and deletes its spill file; its bytes are gone. */
    void release() throws IOException {
        budget.release(held);
        held = 0;
        buffer.release();
    }

    String extension() {
        return format.extension();
    }

    long heldBytes() {
        return held;
    }

    private void account() {
        long now = writer.bufferedBytes();
        if (now > held) {
            budget.overcommit(now - held);
        } else if (now < held) {
            budget.release(held - now);
        }
        held = now;
    }
}

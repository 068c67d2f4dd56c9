package dev.sluice.connect.s3.writer;

import dev.sluice.connect.s3.buffer.SpillingBuffer;
import dev.sluice.connect.s3.rotation.RotationPolicy;
import dev.sluice.connect.s3.rotation.RotationReason;
import dev.sluice.connect.s3.writer.OpenObject.FinishedObject;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.sink.SinkRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the records of one assigned topic partition into S3 objects.
 *
 * <p>Records go into open objects, one per encoded partition (a field or time partitioner may have several open
 * at once). When the {@link RotationPolicy} says so, all of them are finished together and queued for upload with
 * the offset that becomes committable once they are all in S3. Object boundaries depend only on the records
 * written, so a replay from the committed offset cuts the same objects under the same keys.
 *
 * <p>Uploads happen in {@link #uploadPending()}, which may throw {@link org.apache.kafka.connect.errors.RetriableException};
 * the worker then delivers the same batch again. Records at offsets already taken in are skipped, so the
 * redelivery writes nothing twice, and the queued objects are uploaded on the next try.
 */
public final class TopicPartitionWriter {

    private static final Logger log = LoggerFactory.getLogger(TopicPartitionWriter.class);

    private final TopicPartition tp;
    private final WriterContext ctx;
    private final RotationPolicy.State rotation;
    private final Map<Slot, OpenObject> open = new LinkedHashMap<>();
    private final Deque<Rotated> pending = new ArrayDeque<>();
    /** The offset after the last record taken in; -1 before the first. */
    private long nextOffset = -1;
    /** Every record before this offset is in an uploaded object or was skipped; -1 before the first upload. */
    private long uploadedThrough = -1;

    public TopicPartitionWriter(TopicPartition tp, WriterContext ctx) {
        this.tp = tp;
        this.ctx = ctx;
        this.rotation = ctx.rotation().newState();
    }

    /** Takes a record in, unless it was already; a bad record goes to {@link BadRecords}. */
    public void write(SinkRecord record) {
        long offset = record.originalKafkaOffset();
        if (nextOffset >= 0 && offset < nextOffset) {
            return;
        }
        nextOffset = offset + 1;
        try {
            place(record, offset);
        } catch (DataException e) {
            ctx.badRecords().handle(record, e);
        } catch (IOException e) {
            throw new ConnectException("Cannot buffer the records of " + tp + " (is s3.spill.dir writable, and "
                    + "is there space left?)", e);
        }
    }

    private void place(SinkRecord record, long offset) throws IOException {
        boolean tombstone = record.value() == null;
        if (tombstone && !acceptTombstone()) {
            return;
        }
        Slot slot = new Slot(record.topic(),
                tombstone ? ctx.tombstonePartition() : ctx.partitioner().encodePartition(record), tombstone);
        long recordTime = ctx.rotation().usesRecordTime() ? ctx.extractor().extract(record) : 0L;
        long now = ctx.clock().millis();
        Optional<RotationReason> before = ctx.rotation().beforeWrite(rotation, recordTime, now);
        if (before.isPresent()) {
            rotate(before.get(), offset);
        }
        OpenObject object = open.get(slot);
        if (object != null && !tombstone && ctx.schemas().needsNewObject(object.schema(), record.valueSchema())) {
            rotate(RotationReason.SCHEMA_CHANGE, offset);
            object = null;
        }
        if (object == null) {
            object = openObject(slot, record);
        }
        SinkRecord projected = tombstone ? record : ctx.schemas().project(record, object.schema());
        try {
            object.write(projected, offset);
        } catch (DataException e) {
            if (object.count() == 0) {
                open.remove(slot);
                object.release();
            }
            throw e;
        }
        Optional<RotationReason> after = ctx.rotation().afterWrite(rotation, recordTime, now);
        if (after.isPresent()) {
            rotate(after.get(), offset + 1);
        }
    }

    /** @return whether the tombstone is to be written; {@code false} skips it */
    private boolean acceptTombstone() {
        return switch (ctx.nullValues()) {
            case WRITE -> true;
            case IGNORE -> false;
            case FAIL -> throw new DataException("The record's value is null (a tombstone) and "
                    + "behavior.on.null.values=fail; set it to ignore or write to accept tombstones");
        };
    }

    /** Tombstones have no value object, as in Confluent: only their keys (and headers) are written. */
    private OpenObject openObject(Slot slot, SinkRecord first) throws IOException {
        var object = OpenObject.open(slot.topic(), slot.encodedPartition(),
                slot.tombstone() ? ctx.tombstoneFormats() : ctx.formats(), first, ctx.budget(), ctx.spillDir());
        open.put(slot, object);
        return object;
    }

    /** Checks the wall-clock schedule when no record comes; the worker calls put with empty batches. */
    public void tick() {
        Optional<RotationReason> due = ctx.rotation().idle(rotation, ctx.clock().millis());
        if (due.isPresent()) {
            try {
                rotate(due.get(), nextOffset);
            } catch (IOException e) {
                throw new ConnectException("Cannot finish the objects of " + tp, e);
            }
        }
    }

    /** Finishes every open object and queues them for upload; {@code commitOffset} follows the last of them. */
    private void rotate(RotationReason reason, long commitOffset) throws IOException {
        List<FinishedObject> finished = new ArrayList<>(open.size());
        try {
            for (OpenObject object : open.values()) {
                finished.addAll(object.finish(ctx.keys(), tp.partition()));
            }
        } catch (DataException e) {
            throw new ConnectException("Cannot finish an object of " + tp + ": " + e.getMessage(), e);
        }
        log.debug("Rotating {} objects of {} ({}) with {} records before offset {}", finished.size(), tp, reason,
                rotation.count(), commitOffset);
        open.clear();
        rotation.reset();
        pending.add(new Rotated(new ArrayDeque<>(finished), commitOffset));
    }

    /**
     * Uploads the finished objects, oldest first, and advances the committable offset past each rotation whose
     * objects are all uploaded. On failure the rest stay queued for the next call.
     */
    public void uploadPending() {
        while (!pending.isEmpty()) {
            Rotated rotated = pending.peek();
            while (!rotated.objects().isEmpty()) {
                FinishedObject object = rotated.objects().peek();
                ctx.uploader().upload(object.key(), object.buffer());
                log.debug("Uploaded {} ({} records, {} bytes)", object.key(), object.count(), object.buffer().size());
                release(object.buffer());
                rotated.objects().poll();
            }
            uploadedThrough = rotated.commitOffset();
            pending.poll();
        }
    }

    /** The offset to commit: every record before it is in S3 or was skipped on purpose. */
    public OptionalLong committableOffset() {
        if (open.isEmpty() && pending.isEmpty() && nextOffset >= 0) {
            return OptionalLong.of(nextOffset);
        }
        return uploadedThrough >= 0 ? OptionalLong.of(uploadedThrough) : OptionalLong.empty();
    }

    /** Drops every unfinished and unuploaded object; their records come again from the committed offset. */
    public void close() {
        int dropped = open.size();
        open.values().forEach(this::release);
        open.clear();
        for (Rotated rotated : pending) {
            dropped += rotated.objects().size();
            rotated.objects().forEach(object -> release(object.buffer()));
        }
        pending.clear();
        if (dropped > 0) {
            log.debug("Dropped {} objects of {} not yet uploaded", dropped, tp);
        }
    }

    int openObjects() {
        return open.size();
    }

    int pendingObjects() {
        return pending.stream().mapToInt(rotated -> rotated.objects().size()).sum();
    }

    /** The heap the open objects' format writers hold beyond their buffers (Parquet row groups). */
    public long heldBytes() {
        return open.values().stream().mapToLong(OpenObject::heldBytes).sum();
    }

    private void release(SpillingBuffer buffer) {
        try {
            buffer.release();
        } catch (IOException e) {
            log.warn("Cannot delete a spill file of {}", tp, e);
        }
    }

    private void release(OpenObject object) {
        try {
            object.release();
        } catch (IOException e) {
            log.warn("Cannot delete a spill file of {}", tp, e);
        }
    }

    /** Where a record goes: the (possibly renamed) topic, the encoded partition, and whether it is a tombstone. */
    private record Slot(String topic, String encodedPartition, boolean tombstone) {
    }

    /** The objects finished by one rotation, and the offset that is committable once they are all uploaded. */
    private record Rotated(Deque<FinishedObject> objects, long commitOffset) {
    }
}

package dev.sluice.connect.s3.partition;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;
import java.util.Date;
import java.util.Locale;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.sink.SinkRecord;

/**
 * The time of a record, in epoch milliseconds, for time-based partitioning and {@code rotate.interval.ms}
 * ({@code timestamp.extractor}: {@code Record}, {@code RecordField} or {@code Wallclock}).
 */
public sealed interface TimestampExtractor {

    /** @throws DataException when the record carries no usable time; the record is a bad record */
    long extract(SinkRecord record);

    /** The Kafka record's own timestamp (create or log-append time). */
    record RecordTime() implements TimestampExtractor {
        @Override
        public long extract(SinkRecord record) {
            if (record.timestamp() == null) {
                throw new DataException("The record has no timestamp (timestamp.extractor=Record)");
            }
            return record.timestamp();
        }
    }

    /**
     * A field of the value, possibly nested ({@code meta.created}): a number of epoch milliseconds, a
     * {@link Date} (Connect's Timestamp and Date logical types), or an ISO-8601 string. A string without an offset
     * is read in {@code zone}.
     */
    record RecordField(String field, ZoneId zone) implements TimestampExtractor {

        private static final DateTimeFormatter ISO = new DateTimeFormatterBuilder()
                .append(DateTimeFormatter.ISO_LOCAL_DATE)
                .optionalStart().appendLiteral('T').append(DateTimeFormatter.ISO_LOCAL_TIME).optionalEnd()
                .optionalStart().appendOffsetId().optionalEnd()
                .toFormatter(Locale.ROOT);

        @Override
        public long extract(SinkRecord record) {
            Object value = FieldPaths.find(record.value(), field).value();
            if (value instanceof Number number) {
                return number.longValue();
            }
            if (value instanceof Date date) {
                return date.getTime();
            }
            if (value instanceof String text) {
                return parse(text);
            }
            throw new DataException("Timestamp field '" + field + "' is a " + value.getClass().getSimpleName()
                    + "; it must be epoch milliseconds, a Connect Timestamp or an ISO-8601 string");
        }

        private long parse(String text) {
            try {
                TemporalAccessor parsed = ISO.parseBest(text, OffsetDateTime::from, LocalDateTime::from,
                        LocalDate::from);
                if (parsed instanceof OffsetDateTime withOffset) {
                    return withOffset.toInstant().toEpochMilli();
                }
                if (parsed instanceof LocalDateTime local) {
                    return local.atZone(zone).toInstant().toEpochMilli();
                }
                return ((LocalDate) parsed).atStartOfDay(zone).toInstant().toEpochMilli();
            } catch (DateTimeParseException e) {
                throw new DataException("Timestamp field '" + field + "' holds '" + text
                        + "', which is not an ISO-8601 date-time", e);
            }
        }
    }

    /** The time the record is processed: not deterministic, so replays may write different objects. */
    record Wallclock(Clock clock) implements TimestampExtractor {
        @Override
        public long extract(SinkRecord record) {
            return clock.millis();
        }
    }
}

package dev.sluice.connect.s3;

import dev.sluice.connect.common.docs.ConfigDocs;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Renders the S3 sink's configuration reference, {@code docs/connectors/s3-sink.md}. Run {@link #main} with the
 * file's path, or {@code ./mvnw -pl connectors/s3-sink test -Dtest=S3SinkConfigDocsTest -Ds3sink.docs.write=true},
 * which writes it to its place in the repository.
 */
public final class S3SinkConfigDocs {

    static final String INTRO = """
            <!-- Generated from S3SinkConfig.CONFIG_DEF; do not edit. Regenerate with
                 ./mvnw -pl connectors/s3-sink test -Dtest=S3SinkConfigDocsTest -Ds3sink.docs.write=true -->

            Connector class: `dev.sluice.connect.s3.S3SinkConnector`.

            The keys are those of Confluent's S3 sink, with the same meanings, wherever Confluent has one, so a
            Confluent S3 sink config carries over: `format.class` and `partitioner.class` take Confluent's class
            names as well as the short names `json`, `bytearray`, `avro`, `parquet` and `default`, `field`,
            `time`, `hourly`, `daily`. Sluice adds `s3.endpoint`, `aws.access.key.id`, `aws.secret.access.key`,
            `s3.memory.budget.bytes`, `s3.spill.dir`, `parquet.row.group.size.bytes` and `json.envelope.enabled`.

            Objects are named `<topics.dir>/<topic>/<encoded partition>/<topic>+<partition>+<start offset><extension>`.
            With `store.kafka.keys` and `store.kafka.headers`, each value object has a keys object
            (`<topic>+<partition>+<start offset>.keys<extension>`) and a headers object (`.headers<extension>`) beside
            it, in the formats `keys.format.class` and `headers.format.class` name, holding one entry per record of
            the value object in the same order, as Confluent's S3 sink writes them. Tombstones written with
            `behavior.on.null.values=write` go to keys (and headers) objects only.
            Offsets are committed only once all the objects holding their records are uploaded, and object boundaries
            depend only on the records when rotation is by `flush.size` or `rotate.interval.ms` with a `Record` or
            `RecordField` timestamp, so a replay rewrites the same objects: exactly once. Rotation by
            `rotate.schedule.interval.ms`, and time partitioning with the `Wallclock` extractor, are at least once.
            """;

    private S3SinkConfigDocs() {
    }

    static String render() {
        return ConfigDocs.markdown("S3 sink connector configuration", INTRO, S3SinkConfig.CONFIG_DEF);
    }

    /** Writes the reference to the path given as the only argument. */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("Usage: S3SinkConfigDocs <path of s3-sink.md>");
            System.exit(2);
        }
        Files.writeString(Path.of(args[0]), render(), StandardCharsets.UTF_8);
    }
}

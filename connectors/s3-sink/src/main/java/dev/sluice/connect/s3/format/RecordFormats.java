package dev.sluice.connect.s3.format;

/** Builds the {@link RecordFormat} that a connector's {@link FormatSettings} ask for. */
public final class RecordFormats {

    private RecordFormats() {
    }

    /** The format for {@code settings}; settings that do not apply to its kind are ignored. */
    public static RecordFormat create(FormatSettings settings) {
        return switch (settings.kind()) {
            case JSON -> new JsonLinesFormat(settings.compression(), settings.compressionLevel(),
                    settings.jsonDecimalFormat(), settings.storeKafkaKeys(), settings.storeKafkaHeaders());
            case BYTES -> new ByteArrayFormat(settings.compression(), settings.compressionLevel(),
                    settings.byteArraySeparator());
            case AVRO -> new AvroFormat(settings.avroCodec());
            case PARQUET -> new ParquetFormat(settings.parquetCodec());
        };
    }
}

package dev.sluice.connect.s3.format;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Builds the {@link RecordFormat}s that a connector's {@link FormatSettings} ask for. */
public final class RecordFormats {

    private RecordFormats() {
    }

    /** The format for {@code settings}; settings that do not apply to its kind are ignored. */
    public static RecordFormat create(FormatSettings settings) {
        return switch (settings.kind()) {
            case JSON -> new JsonLinesFormat(settings.compression(), settings.compressionLevel(),
                    settings.jsonDecimalFormat(), settings.jsonEnvelope());
            case BYTES -> new ByteArrayFormat(settings.compression(), settings.compressionLevel(),
                    settings.byteArraySeparator());
            case AVRO -> new AvroFormat(settings.avroCodec());
            case PARQUET -> new ParquetFormat(settings.parquetCodec(), settings.parquetRowGroupBytes());
        };
    }

    /** The objects each rotation writes: the values', then the keys' and the headers' when they are stored. */
    public static List<ViewFormat> views(FormatSettings settings) {
        return views(settings, RecordFormats::create);
    }

    /** Like {@link #views(FormatSettings)}, with the formats built by {@code create} (tests use their own). */
    public static List<ViewFormat> views(FormatSettings settings, Function<FormatSettings, RecordFormat> create) {
        List<ViewFormat> views = new ArrayList<>(3);
        views.add(view(RecordView.VALUE, settings, create));
        settings.keysFormat().ifPresent(kind -> views.add(view(RecordView.KEYS, settings.forView(kind), create)));
        settings.headersFormat().ifPresent(kind -> views.add(view(RecordView.HEADERS, settings.forView(kind),
                create)));
        return List.copyOf(views);
    }

    private static ViewFormat view(RecordView view, FormatSettings settings,
            Function<FormatSettings, RecordFormat> create) {
        return new ViewFormat(view, create.apply(settings), settings.kind() == FormatSettings.Kind.PARQUET);
    }
}

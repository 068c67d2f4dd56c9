package dev.sluice.connect.s3.partition;

import java.util.Locale;

/** The built-in timestamp extractors ({@code timestamp.extractor}), named as in Confluent. */
public enum TimestampSource {
    RECORD("Record"),
    RECORD_FIELD("RecordField"),
    WALLCLOCK("Wallclock");

    private final String configName;

    TimestampSource(String configName) {
        this.configName = configName;
    }

    public String configName() {
        return configName;
    }

    /** Accepts {@code Record}, {@code RecordField} or {@code Wallclock}, in any case. */
    public static TimestampSource parse(String value) {
        String trimmed = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
        for (TimestampSource source : values()) {
            if (source.configName.toLowerCase(Locale.ROOT).equals(trimmed)) {
                return source;
            }
        }
        throw new IllegalArgumentException("Unknown timestamp extractor '" + value
                + "'; use Record, RecordField or Wallclock");
    }
}

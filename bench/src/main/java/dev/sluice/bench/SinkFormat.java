package dev.sluice.bench;

import java.util.Map;

/** The two object formats the {@code s3-sink} benchmark compares, as S3 sink settings. */
public enum SinkFormat {
    JSON_GZIP("json+gzip", "json", Map.of("format.class", "json", "s3.compression.type", "gzip")),
    PARQUET_SNAPPY("parquet+snappy", "parquet", Map.of("format.class", "parquet", "parquet.codec", "snappy"));

    private final String label;
    private final String shortName;
    private final Map<String, String> config;

    SinkFormat(String label, String shortName, Map<String, String> config) {
        this.label = label;
        this.shortName = shortName;
        this.config = config;
    }

    /** For reports: {@code json+gzip}. */
    public String label() {
        return label;
    }

    /** For connector names and object prefixes: {@code json}. */
    public String shortName() {
        return shortName;
    }

    /** The connector settings that choose this format. */
    public Map<String, String> config() {
        return config;
    }
}

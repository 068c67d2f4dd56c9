package dev.sluice.connect.s3.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.connect.s3.format.FormatSettings.AvroCodec;
import dev.sluice.connect.s3.format.FormatSettings.Kind;
import dev.sluice.connect.s3.format.FormatSettings.ParquetCodec;
import org.apache.kafka.connect.json.DecimalFormat;
import org.junit.jupiter.api.Test;

class FormatSettingsTest {

    @Test
    void defaultsAreConfluents() {
        FormatSettings settings = FormatSettings.defaults(Kind.JSON);

        assertThat(settings.compression()).isEqualTo(Compression.NONE);
        assertThat(settings.compressionLevel()).isEqualTo(-1);
        assertThat(settings.avroCodec()).isEqualTo(AvroCodec.NULL);
        assertThat(settings.parquetCodec()).isEqualTo(ParquetCodec.SNAPPY);
        assertThat(settings.keysFormat()).isEmpty();
        assertThat(settings.headersFormat()).isEmpty();
        assertThat(settings.jsonEnvelope()).isFalse();
        assertThat(settings.parquetRowGroupBytes()).isEqualTo(8L * 1024 * 1024);
        assertThat(settings.jsonDecimalFormat()).isEqualTo(DecimalFormat.BASE64);
        assertThat(settings.byteArraySeparator()).isEqualTo("\n");
    }

    @Test
    void parsesConfluentValuesAndClassNames() {
        assertThat(Kind.parse("io.confluent.connect.s3.format.parquet.ParquetFormat")).isEqualTo(Kind.PARQUET);
        assertThat(Kind.parse("io.confluent.connect.s3.format.bytearray.ByteArrayFormat")).isEqualTo(Kind.BYTES);
        assertThat(Kind.parse("JSON")).isEqualTo(Kind.JSON);
        assertThat(Kind.parse("avro")).isEqualTo(Kind.AVRO);
        assertThat(Compression.parse("gzip")).isEqualTo(Compression.GZIP);
        assertThat(AvroCodec.parse("zstandard")).isEqualTo(AvroCodec.ZSTANDARD);
        assertThat(ParquetCodec.parse("uncompressed")).isEqualTo(ParquetCodec.NONE);
        assertThat(ParquetCodec.parse("lz4_raw")).isEqualTo(ParquetCodec.LZ4_RAW);
        assertThat(FormatSettings.parseJsonDecimalFormat("NUMERIC")).isEqualTo(DecimalFormat.NUMERIC);
    }

    @Test
    void unknownValuesNameTheAcceptedOnes() {
        assertThatThrownBy(() -> Kind.parse("csv")).hasMessageContaining("json, bytearray, avro, parquet");
        assertThatThrownBy(() -> Compression.parse("lzma"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Unknown s3.compression.type 'lzma'; use one of none, gzip, zstd, snappy");
        assertThatThrownBy(() -> ParquetCodec.parse("brotli")).hasMessageContaining("parquet.codec");
        assertThatThrownBy(() -> AvroCodec.parse(null)).hasMessageContaining("avro.codec");
    }

    @Test
    void compressionLevelsMustFitTheCodec() {
        FormatSettings json = FormatSettings.defaults(Kind.JSON);

        assertThat(json.withCompression(Compression.GZIP, 9).compressionLevel()).isEqualTo(9);
        assertThat(json.withCompression(Compression.ZSTD, 19).compressionLevel()).isEqualTo(19);
        assertThat(json.withCompression(Compression.SNAPPY, 5).compression()).isEqualTo(Compression.SNAPPY);
        assertThatThrownBy(() -> json.withCompression(Compression.GZIP, 10))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("s3.compression.level 10");
        assertThatThrownBy(() -> json.withCompression(Compression.ZSTD, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theFactoryBuildsEachKindWithItsExtension() {
        assertThat(RecordFormats.create(FormatSettings.defaults(Kind.JSON).withCompression(Compression.GZIP, -1)))
                .isInstanceOf(JsonLinesFormat.class)
                .extracting(RecordFormat::extension).isEqualTo(".json.gz");
        assertThat(RecordFormats.create(FormatSettings.defaults(Kind.BYTES).withCompression(Compression.ZSTD, -1)))
                .isInstanceOf(ByteArrayFormat.class)
                .extracting(RecordFormat::extension).isEqualTo(".bin.zst");
        assertThat(RecordFormats.create(FormatSettings.defaults(Kind.AVRO).withCompression(Compression.GZIP, -1)))
                .isInstanceOf(AvroFormat.class)
                .extracting(RecordFormat::extension).isEqualTo(".avro");
        assertThat(RecordFormats.create(FormatSettings.defaults(Kind.PARQUET)))
                .isInstanceOf(ParquetFormat.class)
                .extracting(RecordFormat::extension).isEqualTo(".snappy.parquet");
    }
}

package dev.sluice.connect.lambda.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.protocols.jsoncore.JsonNode;

class JsonBytesTest {

    @Test
    void stringsAreEscapedSoThatAnyTextReadsBack() {
        String text = "quote \" backslash \\ newline \n tab \t bell \u0007 nul \u0000 é 日本 😀 del \u007f end";

        byte[] json = new JsonBytes(4).string(text).toByteArray();

        assertThat(JsonNode.parser().parse(json).asString()).isEqualTo(text);
        assertThat(new String(json, StandardCharsets.UTF_8)).contains("\\u0007").contains("\\u0000");
    }

    @Test
    void numbersAreWrittenAsLongToStringWritesThem() {
        long[] numbers = {0, 7, -1, 10, 1_795_701_155_515L, -987_654_321L, Long.MAX_VALUE, Long.MIN_VALUE};
        var out = new JsonBytes(1);
        StringBuilder expected = new StringBuilder();
        for (long number : numbers) {
            out.number(number).raw(',');
            expected.append(number).append(',');
        }

        assertThat(new String(out.toByteArray(), StandardCharsets.US_ASCII)).isEqualTo(expected.toString());
    }

    @Test
    void byteArraysAreSignedNumbers() {
        assertThat(new String(new JsonBytes(1).byteArray(new byte[] {0, 127, -128, -1}).toByteArray(),
                StandardCharsets.US_ASCII)).isEqualTo("[0,127,-128,-1]");
        assertThat(new String(new JsonBytes(1).byteArray(new byte[0]).toByteArray(), StandardCharsets.US_ASCII))
                .isEqualTo("[]");
    }

    @Test
    void aResetWriterWritesAfreshAndBase64KeepsNoTrace() {
        var out = new JsonBytes(16).base64("a longer value than the next".getBytes(StandardCharsets.US_ASCII));

        byte[] second = out.reset().base64(new byte[] {1, 2}).toByteArray();

        assertThat(new String(second, StandardCharsets.US_ASCII)).isEqualTo("\"AQI=\"");
    }

    @Test
    void takeHandsOverWhatWasWrittenWhetherTheBufferIsFullOrNot() {
        assertThat(new String(new JsonBytes(18).raw("exactly 18 bytes!!").take(), StandardCharsets.US_ASCII))
                .isEqualTo("exactly 18 bytes!!");
        assertThat(new String(new JsonBytes(64).raw("short").take(), StandardCharsets.US_ASCII)).isEqualTo("short");
    }
}

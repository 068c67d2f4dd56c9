package dev.sluice.lambdahost;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

class InvocationLogTest {

    @TempDir
    Path dir;

    @Test
    void theLogHasLambdasLinesAroundWhatTheFunctionWrote() throws IOException {
        Path output = Files.writeString(dir.resolve("output.log"), "init line\nhandler line\n");
        InvocationLog log = new InvocationLog("req-1");
        log.output(output, 0, 10);
        log.start();
        log.output(output, 10, 23);
        log.end(12.345, 256, 70, 480.5, null);

        assertThat(text(log)).isEqualTo("init line\n"
                + "START RequestId: req-1 Version: $LATEST\n"
                + "handler line\n"
                + "END RequestId: req-1\n"
                + "REPORT RequestId: req-1\tDuration: 12.35 ms\tBilled Duration: 13 ms\tMemory Size: 256 MB\t"
                + "Max Memory Used: 70 MB\tInit Duration: 480.50 ms\t\n");
    }

    @Test
    void aFailedInvocationsReportSaysSoAndHasNoInitDurationWhenWarm() throws IOException {
        InvocationLog log = new InvocationLog("req-2");
        log.start();
        log.end(1000, 128, 60, null, "timeout");

        assertThat(text(log)).endsWith("Max Memory Used: 60 MB\tStatus: timeout\n").doesNotContain("Init Duration");
    }

    @Test
    void aLineOfTheHostStartsOnALineOfItsOwn() throws IOException {
        Path output = Files.writeString(dir.resolve("output.log"), "no newline at the end");
        InvocationLog log = new InvocationLog("req-3");
        log.start();
        log.output(output, 0, Files.size(output));
        log.line("END RequestId: req-3");

        assertThat(text(log)).endsWith("no newline at the end\nEND RequestId: req-3\n");
    }

    @Test
    void theTailIsTheLastFourKilobytesAcrossOutputAndLines() throws IOException {
        Path output = Files.writeString(dir.resolve("output.log"), "x".repeat(10_000) + "\n");
        InvocationLog log = new InvocationLog("req-4");
        log.start();
        log.output(output, 0, Files.size(output));
        log.line("END RequestId: req-4");

        byte[] tail = Base64.getDecoder().decode(log.tail(InvocationLog.TAIL_BYTES));

        assertThat(tail).hasSize(4096);
        String text = new String(tail, StandardCharsets.UTF_8);
        assertThat(text).endsWith("x\nEND RequestId: req-4\n").startsWith("xxx");
        assertThat(text(log)).hasSize((int) log.length()).endsWith(text);
    }

    @Test
    void aShortLogIsItsOwnTail() {
        InvocationLog log = new InvocationLog("req-5");
        log.start();

        assertThat(new String(Base64.getDecoder().decode(log.tail(4096)), StandardCharsets.UTF_8))
                .isEqualTo("START RequestId: req-5 Version: $LATEST\n");
    }

    private static String text(InvocationLog log) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        log.writeTo(out);
        return out.toString(StandardCharsets.UTF_8);
    }
}

package dev.sluice.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchFunctionTest {

    @TempDir
    Path dir;

    private void append(Path file, String text) throws IOException {
        Files.writeString(file, text, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    @Test
    void progressIsReadOnlyFromTheMarkAndAHalfWrittenLineWaitsForItsEnd() throws IOException {
        Path counts = dir.resolve("counts");
        append(counts, "0 99 100\n");
        var function = new BenchFunction(null, counts);
        var reader = function.progressSince(function.mark());

        append(counts, "0 99 100\n1 49 50\n0 1");
        var first = reader.read();
        append(counts, "99 100\n1 49 50\n");
        var second = reader.read();

        assertThat(first.next()).isEqualTo(Map.of(0, 100L, 1, 50L));
        assertThat(first.received()).isEqualTo(150);
        assertThat(second.next()).isEqualTo(Map.of(0, 200L, 1, 50L));
        assertThat(second.covered()).isEqualTo(250);
        assertThat(second.repeats()).isEqualTo(50);
    }
}

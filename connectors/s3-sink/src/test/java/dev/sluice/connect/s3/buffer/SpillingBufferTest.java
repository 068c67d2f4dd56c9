package dev.sluice.connect.s3.buffer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpillingBufferTest {

    @TempDir
    Path dir;

    @Test
    void smallObjectsStayInMemory() throws IOException {
        var budget = new MemoryBudget(1024 * 1024);
        var buffer = new SpillingBuffer(budget, dir);
        byte[] bytes = randomBytes(100_000, 1);

        buffer.write(bytes);
        buffer.finish();

        assertThat(buffer.spilled()).isFalse();
        assertThat(read(buffer, 0, bytes.length)).isEqualTo(bytes);
        assertThat(read(buffer, 70_000, 20_000)).isEqualTo(java.util.Arrays.copyOfRange(bytes, 70_000, 90_000));
        buffer.release();
        assertThat(budget.used()).isZero();
    }

    @Test
    void anObjectBeyondTheBudgetSpillsAndReadsBackWhole() throws IOException {
        var budget = new MemoryBudget(64 * 1024);
        var buffer = new SpillingBuffer(budget, dir);
        byte[] bytes = randomBytes(1_000_003, 2);

        for (int off = 0; off < bytes.length; off += 777) {
            buffer.write(bytes, off, Math.min(777, bytes.length - off));
        }
        buffer.finish();

        assertThat(buffer.spilled()).isTrue();
        assertThat(budget.peak()).isLessThanOrEqualTo(64 * 1024);
        assertThat(budget.used()).isZero(); // a finished spilled buffer holds no heap
        assertThat(read(buffer, 0, bytes.length)).isEqualTo(bytes);
        assertThat(read(buffer, 999_000, 1003)).isEqualTo(java.util.Arrays.copyOfRange(bytes, 999_000, bytes.length));

        buffer.release();
        try (var files = Files.list(dir)) {
            assertThat(files.count()).isZero();
        }
    }

    @Test
    void overcommittedHeapIsCountedAndMakesBuffersSpillUntilReleased() throws IOException {
        var budget = new MemoryBudget(64 * 1024);
        budget.overcommit(100 * 1024); // held elsewhere, say by a Parquet row group
        var buffer = new SpillingBuffer(budget, dir);

        buffer.write(randomBytes(10_000, 3));

        assertThat(budget.used()).isEqualTo(100 * 1024);
        assertThat(budget.peak()).isEqualTo(100 * 1024);
        assertThat(buffer.spilled()).isTrue();
        assertThat(buffer.reservedBytes()).isZero();
        budget.release(100 * 1024);
        assertThat(budget.tryReserve(64 * 1024)).isTrue();
        buffer.release();
    }

    @Test
    void aThousandBuffersShareTheBudgetAndEvenWriteThroughWhenItIsGone() throws IOException {
        var budget = new MemoryBudget(1024 * 1024);
        List<SpillingBuffer> buffers = new ArrayList<>();
        List<byte[]> contents = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            buffers.add(new SpillingBuffer(budget, dir));
            contents.add(randomBytes(20_000, i));
        }
        for (int chunk = 0; chunk < 20; chunk++) {
            for (int i = 0; i < buffers.size(); i++) {
                buffers.get(i).write(contents.get(i), chunk * 1000, 1000);
            }
        }
        assertThat(budget.peak()).isLessThanOrEqualTo(1024 * 1024);

        for (int i = 0; i < buffers.size(); i++) {
            buffers.get(i).finish();
            assertThat(read(buffers.get(i), 0, 20_000)).isEqualTo(contents.get(i));
            buffers.get(i).release();
        }
        assertThat(budget.used()).isZero();
        try (var files = Files.list(dir)) {
            assertThat(files.count()).isZero();
        }
    }

    private static byte[] read(SpillingBuffer buffer, long offset, int length) throws IOException {
        try (InputStream in = buffer.openRange(offset, length)) {
            return in.readAllBytes();
        }
    }

    static byte[] randomBytes(int n, long seed) {
        byte[] bytes = new byte[n];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }
}

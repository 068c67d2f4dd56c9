package dev.sluice.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class PipelineWindowTest {

    private static final long MS = 1_000_000;

    @Test
    void opensAtTheFirstRecordReadAndClosesAtTheLastStored() {
        var window = new PipelineWindow(1000);

        assertThat(window.sample(0, Counts.ZERO, Counts.ZERO)).isFalse();
        assertThat(window.sample(50 * MS, new Counts(100, 0), Counts.ZERO)).isFalse();
        assertThat(window.sample(550 * MS, new Counts(900, 0), new Counts(500, 250_000))).isFalse();
        assertThat(window.sample(950 * MS, new Counts(1000, 0), new Counts(1000, 500_000))).isTrue();

        Throughput rate = window.result().orElseThrow();
        // Read in the window and stored by its end: 1000 - the 100 read before it opened, over 900 ms.
        assertThat(rate.counted()).isEqualTo(new Counts(900, 450_000));
        assertThat(rate.nanos()).isEqualTo(900 * MS);
        assertThat(rate.recordsPerSecond()).isCloseTo(1000.0, within(1e-9));
    }

    @Test
    void agreesWithRateWindowWhenInputAndOutputAreOneCounter() {
        var pipeline = new PipelineWindow(1000);
        var plain = new RateWindow(1000);
        Counts[] samples = {Counts.ZERO, new Counts(100, 102_400), new Counts(600, 614_400),
            new Counts(1000, 1_024_000)};
        for (int i = 0; i < samples.length; i++) {
            pipeline.sample(i * 20 * MS, samples[i], samples[i]);
            plain.sample(i * 20 * MS, samples[i]);
        }

        assertThat(pipeline.result()).isEqualTo(plain.result());
    }

    @Test
    void storedRecordsBeforeAnyReadDoNotOpenTheWindow() {
        var window = new PipelineWindow(10);

        assertThat(window.sample(0, Counts.ZERO, new Counts(10, 10))).isFalse();
        assertThat(window.result()).isEmpty();
    }

    @Test
    void everythingBetweenTwoSamplesIsTooFastToMeasure() {
        var window = new PipelineWindow(10);

        assertThatThrownBy(() -> window.sample(0, new Counts(10, 0), new Counts(10, 10)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("between two samples");
    }
}

package dev.sluice.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class RateWindowTest {

    private static final long MS = 1_000_000;

    @Test
    void countsFromTheFirstSampleWithRecordsToTheFirstWithAll() {
        var window = new RateWindow(1000);

        assertThat(window.sample(0, Counts.ZERO)).isFalse();
        assertThat(window.sample(20 * MS, new Counts(100, 102_400))).isFalse();
        assertThat(window.sample(520 * MS, new Counts(600, 614_400))).isFalse();
        assertThat(window.sample(1020 * MS, new Counts(1000, 1_024_000))).isTrue();

        Throughput rate = window.result().orElseThrow();
        assertThat(rate.counted()).isEqualTo(new Counts(900, 921_600));
        assertThat(rate.recordsPerSecond()).isCloseTo(900.0, within(1e-9));
        assertThat(rate.mibPerSecond()).isCloseTo(921_600 / 1024.0 / 1024.0, within(1e-9));
    }

    @Test
    void laterSamplesDoNotMoveTheWindow() {
        var window = new RateWindow(10);
        window.sample(0, new Counts(1, 1));
        window.sample(MS, new Counts(10, 10));

        assertThat(window.sample(5 * MS, new Counts(20, 20))).isTrue();
        assertThat(window.result().orElseThrow().nanos()).isEqualTo(MS);
    }

    @Test
    void everythingBetweenTwoSamplesIsTooFastToMeasure() {
        var window = new RateWindow(10);

        assertThatThrownBy(() -> window.sample(0, new Counts(10, 10)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("between two samples");
    }

    @Test
    void noResultBeforeTheTarget() {
        var window = new RateWindow(10);
        window.sample(0, new Counts(5, 5));

        assertThat(window.result()).isEmpty();
    }
}

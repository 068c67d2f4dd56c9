package dev.sluice.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class StatsTest {

    @Test
    void medianOfAnOddCountIsTheMiddleValue() {
        assertThat(Stats.median(List.of(5.0, 1.0, 3.0))).isEqualTo(3.0);
    }

    @Test
    void medianOfAnEvenCountIsTheMeanOfTheMiddleTwo() {
        assertThat(Stats.median(List.of(4.0, 1.0, 2.0, 10.0))).isEqualTo(3.0);
    }

    @Test
    void maxIsTheLargest() {
        assertThat(Stats.max(List.of(4.0, 1.0, 2.0))).isEqualTo(4.0);
    }

    @Test
    void percentileIsTheNearestRank() {
        List<Double> twenty = java.util.stream.IntStream.rangeClosed(1, 20).mapToObj(i -> (double) i).toList();
        assertThat(Stats.percentile(twenty, 50)).isEqualTo(10.0);
        assertThat(Stats.percentile(twenty, 95)).isEqualTo(19.0);
        assertThat(Stats.percentile(twenty, 99)).isEqualTo(20.0);
        assertThat(Stats.percentile(List.of(7.0), 50)).isEqualTo(7.0);
    }

    @Test
    void percentileNeedsValuesAndAPercentage() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Stats.percentile(List.of(), 50))
                .isInstanceOf(IllegalArgumentException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Stats.percentile(List.of(1.0), 0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}

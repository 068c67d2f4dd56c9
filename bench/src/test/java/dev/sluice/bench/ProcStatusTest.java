package dev.sluice.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ProcStatusTest {

    private static final String STATUS = """
            Name:\tjava
            VmPeak:\t 9035764 kB
            VmHWM:\t 1300000 kB
            VmRSS:\t 1234567 kB
            RssAnon:\t 1000000 kB
            RssFile:\t  230000 kB
            RssShmem:\t    4567 kB
            VmSwap:\t       0 kB
            Threads:\t412
            """;

    @Test
    void readsTheResidentSetItsPartsAndTheThreads() {
        assertThat(ProcStatus.parse(STATUS)).isEqualTo(new ProcStatus(1_234_567, 1_000_000, 230_000, 4_567, 412));
    }

    @Test
    void vmHwmIsNotTheResidentSet() {
        assertThat(ProcStatus.parse(STATUS).rssMib()).isEqualTo(1_234_567 / 1024.0);
    }

    @Test
    void withoutVmRssThereIsNothingToRead() {
        assertThatThrownBy(() -> ProcStatus.parse("Name:\tzombie\nThreads:\t1\n"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void thisProcessHasAStatusOnLinux() {
        if (System.getProperty("os.name").startsWith("Linux")) {
            assertThat(ProcStatus.of(ProcessHandle.current().pid())).hasValueSatisfying(s ->
                    assertThat(s.rssKib()).isPositive());
        }
    }
}

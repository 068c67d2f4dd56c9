package dev.sluice.runtime.dev;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class NodeJsTest {

    @Test
    void readsTheMajorVersionOfNodeVersionOutput() {
        assertThat(NodeJs.major("v20.20.2")).isEqualTo(20);
        assertThat(NodeJs.major("18.0.0")).isEqualTo(18);
        assertThat(NodeJs.major("v9")).isEqualTo(9);
        assertThat(NodeJs.major("not a version")).isZero();
    }
}

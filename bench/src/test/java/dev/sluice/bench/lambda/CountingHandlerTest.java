package dev.sluice.bench.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CountingHandlerTest {

    @Test
    void namesThePartitionItsLastOffsetAndItsRecords() {
        String event = "{\"eventSource\":\"SelfManagedKafka\",\"records\":{\"t-0\":["
                + "{\"topic\":\"t\",\"partition\":0,\"offset\":7,\"value\":\"b2Zmc2V0\",\"headers\":[]},"
                + "{\"topic\":\"t\",\"partition\":0,\"offset\":8,\"headers\":[]}]}}";

        assertThat(CountingHandler.line(event.getBytes(StandardCharsets.UTF_8))).isEqualTo("0 8 2\n");
        assertThat(CountingHandler.line(event.replace("\"partition\":0", "\"partition\":13")
                .getBytes(StandardCharsets.UTF_8))).isEqualTo("13 8 2\n");
        assertThat(CountingHandler.line("{}".getBytes(StandardCharsets.UTF_8))).isNull();
    }
}

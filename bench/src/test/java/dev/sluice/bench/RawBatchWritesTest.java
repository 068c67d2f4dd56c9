package dev.sluice.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

class RawBatchWritesTest {

    @Test
    void everyItemIsPutOnceInBatchesOfTwentyFive() {
        var records = new ItemRecords(1024);

        List<List<WriteRequest>> batches = RawBatchWrites.batches(records, 60);

        assertThat(batches).extracting(List::size).containsExactly(25, 25, 10);
        assertThat(batches.get(2).get(9).putRequest().item()).isEqualTo(records.item(59));
    }
}

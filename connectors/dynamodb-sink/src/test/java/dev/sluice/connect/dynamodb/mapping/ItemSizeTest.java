package dev.sluice.connect.dynamodb.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.errors.DataException;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class ItemSizeTest {

    @Test
    void countsAsDynamoDbDoes() {
        assertThat(ItemSize.of(Map.of("id", AttributeValue.fromS("héllo")))).isEqualTo(2 + 6);
        assertThat(ItemSize.of(Map.of("n", AttributeValue.fromN("12345")))).isEqualTo(1 + 3 + 1);
        assertThat(ItemSize.of(Map.of("n", AttributeValue.fromN("0.00100")))).isEqualTo(1 + 1 + 1);
        assertThat(ItemSize.of(Map.of("b", AttributeValue.fromB(SdkBytes.fromByteArray(new byte[10])))))
                .isEqualTo(1 + 10);
        assertThat(ItemSize.of(Map.of("t", AttributeValue.fromBool(true), "z", AttributeValue.fromNul(true))))
                .isEqualTo(2 + 2);
        assertThat(ItemSize.of(Map.of("l", AttributeValue.fromL(List.of(AttributeValue.fromS("ab"))))))
                .isEqualTo(1 + 3 + 1 + 2);
        assertThat(ItemSize.of(Map.of("m", AttributeValue.fromM(Map.of("k", AttributeValue.fromS("v"))))))
                .isEqualTo(1 + 3 + 1 + 1 + 1);
        assertThat(ItemSize.of(Map.of("s", AttributeValue.fromSs(List.of("a", "bc"))))).isEqualTo(1 + 3);
    }

    @Test
    void anItemOver400KbIsABadRecord() {
        String name = "data";
        int fits = (int) ItemSize.MAX_ITEM_BYTES - name.length();
        assertThat(ItemSize.check(Map.of(name, AttributeValue.fromS("x".repeat(fits)))))
                .isEqualTo(ItemSize.MAX_ITEM_BYTES);
        assertThatThrownBy(() -> ItemSize.check(Map.of(name, AttributeValue.fromS("x".repeat(fits + 1)))))
                .isInstanceOf(DataException.class).hasMessageContaining("409601 bytes").hasMessageContaining("400 KB");
    }
}

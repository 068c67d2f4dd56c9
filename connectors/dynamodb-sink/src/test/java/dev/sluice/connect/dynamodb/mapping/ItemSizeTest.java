package dev.sluice.connect.dynamodb.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
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

    @Test
    void countsUtf8BytesAsTheEncoderDoes() {
        for (String text : List.of("", "plain ascii", "héllo", "€100", "日本語", "emoji \uD83D\uDE00 pair", "mixed é€\uD83D\uDE00")) {
            assertThat(ItemSize.utf8(text)).as(text).isEqualTo(text.getBytes(StandardCharsets.UTF_8).length);
        }
    }

    @Test
    void countsSignificantDigitsAsBigDecimalDoes() {
        for (String n : List.of("0", "-0", "0.000", "7", "-7", "10", "100", "1000.000", "0.00100", "12345",
                "-123.4500", "1E+5", "1.230E-7", "98765432109876543210987654321098765432", "0.5", "5.05")) {
            BigDecimal stripped = new BigDecimal(n).stripTrailingZeros();
            int digits = stripped.signum() == 0 ? 1 : stripped.precision();
            assertThat(Numbers.size(n)).as(n).isEqualTo((digits + 1) / 2 + 1);
        }
    }
}

package dev.sluice.lambdahost;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FunctionRefTest {

    private final LambdaHostSettings settings = LambdaHostSettings.defaults();

    @Test
    void aNameAloneIsTheLatestVersion() {
        FunctionRef ref = FunctionRef.parse("my-function_1");

        assertThat(ref).isEqualTo(new FunctionRef("my-function_1", null));
        assertThat(ref.isLatest()).isTrue();
        assertThat(ref.arn(settings)).isEqualTo("arn:aws:lambda:us-east-1:000000000000:function:my-function_1");
    }

    @Test
    void fullAndPartialArnsNameTheFunctionWithTheirQualifier() {
        assertThat(FunctionRef.parse("arn:aws:lambda:eu-west-1:123456789012:function:orders"))
                .isEqualTo(new FunctionRef("orders", null));
        assertThat(FunctionRef.parse("123456789012:function:orders:$LATEST"))
                .isEqualTo(new FunctionRef("orders", "$LATEST"));
        assertThat(FunctionRef.parse("orders:$LATEST").isLatest()).isTrue();
    }

    @Test
    void anotherQualifierIsNotTheLatestAndIsNamedInTheArn() {
        FunctionRef ref = FunctionRef.parse("orders:live");

        assertThat(ref.isLatest()).isFalse();
        assertThat(ref.arn(settings)).endsWith(":function:orders:live");
    }

    @Test
    void aNameWithCharactersLambdaRefusesIsAnInvalidParameter() {
        assertThatThrownBy(() -> FunctionRef.parse("my function"))
                .isInstanceOfSatisfying(LambdaApiException.class, e -> {
                    assertThat(e.errorType()).isEqualTo("InvalidParameterValueException");
                    assertThat(e.status()).isEqualTo(400);
                });
        assertThatThrownBy(() -> FunctionRef.parse("a".repeat(65))).isInstanceOf(LambdaApiException.class);
        assertThatThrownBy(() -> FunctionRef.parse(null)).isInstanceOf(LambdaApiException.class);
    }
}

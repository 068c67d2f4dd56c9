package dev.sluice.connect.common.aws;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.UnknownHostException;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.errors.RetriableException;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;

class AwsErrorsTest {

    @Test
    void failuresWithoutAnAnswer() {
        assertThat(AwsErrors.classifyClient(ApiCallTimeoutException.create(1000)))
                .isEqualTo(AwsErrors.ClientFailure.TRANSIENT);
        assertThat(AwsErrors.classifyClient(SdkClientException.create("x", new UnknownHostException("h"))))
                .isEqualTo(AwsErrors.ClientFailure.UNKNOWN_HOST);
        assertThat(AwsErrors.classifyClient(SdkClientException.create("x", new IOException("reset"))))
                .isEqualTo(AwsErrors.ClientFailure.TRANSIENT);
        assertThat(AwsErrors.classifyClient(SdkClientException.create("Unable to load credentials from any")))
                .isEqualTo(AwsErrors.ClientFailure.NO_CREDENTIALS);
        assertThat(AwsErrors.classifyClient(SdkClientException.create("odd"))).isEqualTo(AwsErrors.ClientFailure.OTHER);
    }

    @Test
    void statusesWorthRetrying() {
        assertThat(AwsErrors.isTransientStatus(service(503, "Whatever"))).isTrue();
        assertThat(AwsErrors.isTransientStatus(service(429, "Whatever"))).isTrue();
        assertThat(AwsErrors.isTransientStatus(service(400, "Whatever"))).isFalse();
        assertThat(AwsErrors.errorCode(service(400, "Whatever"))).isEqualTo("Whatever");
    }

    @Test
    void translatesToRetriableOrToAdvice() {
        var e = service(400, "Nope");
        assertThat(AwsErrors.translate("write", e, true, "ignored")).isInstanceOf(RetriableException.class)
                .hasMessageStartingWith("Cannot write for now, will retry: ").hasCause(e);
        assertThat(AwsErrors.translate("write", e, false, "fix it")).isExactlyInstanceOf(ConnectException.class)
                .hasMessageStartingWith("Cannot write: fix it (").hasCause(e);
    }

    private static AwsServiceException service(int status, String code) {
        return AwsServiceException.builder().statusCode(status).message(code)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).build()).build();
    }
}

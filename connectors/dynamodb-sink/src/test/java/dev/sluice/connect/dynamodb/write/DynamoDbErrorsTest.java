package dev.sluice.connect.dynamodb.write;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.connect.dynamodb.FakeDynamoDb;
import java.net.UnknownHostException;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.errors.RetriableException;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;

class DynamoDbErrorsTest {

    @Test
    void classifiesWhatRetryingFixesAndWhatItDoesNot() {
        assertThat(DynamoDbErrors.classify(FakeDynamoDb.throttled())).isEqualTo(DynamoDbErrors.Kind.TRANSIENT);
        assertThat(DynamoDbErrors.classify(FakeDynamoDb.throttling())).isEqualTo(DynamoDbErrors.Kind.TRANSIENT);
        assertThat(DynamoDbErrors.classify(FakeDynamoDb.serverError())).isEqualTo(DynamoDbErrors.Kind.TRANSIENT);
        assertThat(DynamoDbErrors.classify(FakeDynamoDb.timeout())).isEqualTo(DynamoDbErrors.Kind.TRANSIENT);
        assertThat(DynamoDbErrors.classify(ApiCallTimeoutException.create(1000)))
                .isEqualTo(DynamoDbErrors.Kind.TRANSIENT);
        assertThat(DynamoDbErrors.classify(FakeDynamoDb.accessDenied())).isEqualTo(DynamoDbErrors.Kind.ACCESS_DENIED);
        assertThat(DynamoDbErrors.classify(FakeDynamoDb.notFound("t")))
                .isEqualTo(DynamoDbErrors.Kind.TABLE_NOT_FOUND);
        assertThat(DynamoDbErrors.classify(SdkClientException.create("x", new UnknownHostException("nowhere"))))
                .isEqualTo(DynamoDbErrors.Kind.UNKNOWN_HOST);
        assertThat(DynamoDbErrors.classify(SdkClientException.create("Unable to load credentials from any of the "
                + "providers in the chain"))).isEqualTo(DynamoDbErrors.Kind.NO_CREDENTIALS);
    }

    @Test
    void translatesIntoWhatTheWorkerDoesNext() {
        assertThat(DynamoDbErrors.translate("write", (SdkException) FakeDynamoDb.throttled()))
                .isInstanceOf(RetriableException.class);
        assertThat(DynamoDbErrors.translate("write to table t", (SdkException) FakeDynamoDb.notFound("t")))
                .isInstanceOf(ConnectException.class).isNotInstanceOf(RetriableException.class)
                .hasMessageContaining("auto.create=true").hasMessageContaining("table.name.format");
    }
}

package dev.sluice.connect.s3.upload;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.connect.s3.FakeS3;
import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import org.apache.kafka.connect.errors.RetriableException;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.s3.model.S3Exception;

class S3ErrorsTest {

    @Test
    void throttlingServerErrorsAndIoAreRetriable() {
        assertThat(S3Errors.translate("upload k", FakeS3.slowDown())).isInstanceOf(RetriableException.class);
        assertThat(S3Errors.translate("upload k", service(429, "TooManyRequests"))).isInstanceOf(RetriableException.class);
        assertThat(S3Errors.translate("upload k", service(500, "InternalError"))).isInstanceOf(RetriableException.class);
        assertThat(S3Errors.translate("upload k", service(400, "RequestTimeout"))).isInstanceOf(RetriableException.class);
        assertThat(S3Errors.translate("upload k", SdkClientException.create("Unable to execute HTTP request",
                new ConnectException("Connection refused")))).isInstanceOf(RetriableException.class);
        assertThat(S3Errors.translate("upload k", SdkClientException.create("read", new IOException("reset"))))
                .isInstanceOf(RetriableException.class);
    }

    @Test
    void misconfigurationsAreFatalAndSayWhatToChange() {
        assertFatal(FakeS3.noSuchBucket(), "s3.bucket.name");
        assertFatal(FakeS3.accessDenied(), "aws.access.key.id");
        assertFatal(service(403, "InvalidAccessKeyId"), "aws.secret.access.key");
        assertFatal(service(403, "SignatureDoesNotMatch"), "aws.access.key.id");
        assertFatal(service(301, "PermanentRedirect"), "s3.region");
        assertFatal(SdkClientException.create("Unable to execute HTTP request",
                new UnknownHostException("nowhere.invalid")), "s3.endpoint");
        assertFatal(SdkClientException.create("Unable to load credentials from any of the providers"),
                "default AWS chain");
    }

    private static void assertFatal(software.amazon.awssdk.core.exception.SdkException e, String advice) {
        RuntimeException translated = S3Errors.translate("upload s3://b/k", e);
        assertThat(translated).isExactlyInstanceOf(org.apache.kafka.connect.errors.ConnectException.class)
                .hasMessageContaining("s3://b/k").hasMessageContaining(advice).hasCause(e);
    }

    private static S3Exception service(int status, String code) {
        return (S3Exception) S3Exception.builder().statusCode(status).message(code)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage(code).build()).build();
    }
}

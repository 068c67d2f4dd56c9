package dev.sluice.connect.s3.upload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.connect.s3.FakeS3;
import dev.sluice.connect.s3.buffer.MemoryBudget;
import dev.sluice.connect.s3.buffer.SpillingBuffer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Random;
import org.apache.kafka.connect.errors.RetriableException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ObjectUploaderTest {

    private static final int PART_SIZE = 10_000;

    @TempDir
    Path dir;

    private final FakeS3 s3 = new FakeS3("bucket");
    private final ObjectUploader uploader = new ObjectUploader(s3, "bucket", PART_SIZE);

    @Test
    void anObjectUpToThePartSizeIsOnePut() throws IOException {
        byte[] bytes = random(PART_SIZE);

        uploader.upload("k", buffer(bytes, 1024 * 1024));

        assertThat(s3.calls()).containsExactly("PutObject");
        assertThat(s3.object("k")).isEqualTo(bytes);
    }

    @Test
    void aLargerObjectGoesUpInPartsThatReassembleByteForByte() throws IOException {
        byte[] bytes = random(3 * PART_SIZE + 1234);

        uploader.upload("k", buffer(bytes, 16 * 1024)); // spills: parts are read back from the file

        assertThat(s3.calls()).containsExactly("CreateMultipartUpload", "UploadPart", "UploadPart", "UploadPart",
                "UploadPart", "CompleteMultipartUpload");
        assertThat(s3.object("k")).isEqualTo(bytes);
    }

    @Test
    void aFailedPartAbortsTheUploadAndIsRetriable() throws IOException {
        byte[] bytes = random(2 * PART_SIZE + 1);
        SpillingBuffer buffer = buffer(bytes, 1024 * 1024);
        // CreateMultipartUpload and the first part succeed; the second part is throttled.
        var failing = new ObjectUploader(new FailingOnCall(s3, 3), "bucket", PART_SIZE);

        assertThatThrownBy(() -> failing.upload("k", buffer)).isInstanceOf(RetriableException.class)
                .hasMessageContaining("s3://bucket/k");
        assertThat(s3.aborted()).isEqualTo(1);
        assertThat(s3.openUploads()).isZero();

        uploader.upload("k", buffer);
        assertThat(s3.object("k")).isEqualTo(bytes);
    }

    private SpillingBuffer buffer(byte[] bytes, long budget) throws IOException {
        var buffer = new SpillingBuffer(new MemoryBudget(budget), dir);
        buffer.write(bytes);
        buffer.finish();
        return buffer;
    }

    private static byte[] random(int n) {
        byte[] bytes = new byte[n];
        new Random(n).nextBytes(bytes);
        return bytes;
    }

    /** Fails the {@code n}-th call with a 503 by arming the fake just before it. */
    private static final class FailingOnCall extends software.amazon.awssdk.services.s3.DelegatingS3Client {
        private final FakeS3 fake;
        private final int failAt;
        private int calls;

        FailingOnCall(FakeS3 fake, int failAt) {
            super(fake);
            this.fake = fake;
            this.failAt = failAt;
        }

        @Override
        protected <T extends software.amazon.awssdk.services.s3.model.S3Request, ReturnT> ReturnT invokeOperation(
                T request, java.util.function.Function<T, ReturnT> operation) {
            if (++calls == failAt) {
                fake.failNext(1);
            }
            return operation.apply(request);
        }
    }
}

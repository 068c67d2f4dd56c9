package dev.sluice.connect.lambda.destination;

import dev.sluice.connect.lambda.event.EncodedRecord;
import dev.sluice.connect.lambda.invoke.InvokeOutcome.ResponseContext;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Records of one partition that will not be sent to the function again, and why.
 *
 * @param records                in offset order
 * @param approximateInvokeCount how many times they were sent to the function
 * @param response               Lambda's answer to the last invocation; empty when there was none to report
 * @param requestId              the last invocation's request ID, if any
 * @param at                     when they were given up on
 */
public record FailureReport(Condition condition, List<EncodedRecord> records, int approximateInvokeCount,
        Optional<ResponseContext> response, Optional<String> requestId, Instant at) {

    /** Why, as Lambda's {@code requestContext.condition} names it. */
    public enum Condition {
        RETRY_ATTEMPTS_EXHAUSTED("RetryAttemptsExhausted"),
        RECORD_AGE_EXCEEDED("RecordAgeExceeded"),
        MAXIMUM_PAYLOAD_SIZE_EXCEEDED("MaximumPayloadSizeExceeded");

        private final String lambdaName;

        Condition(String lambdaName) {
            this.lambdaName = lambdaName;
        }

        public String lambdaName() {
            return lambdaName;
        }
    }

    /** {@code <topic>-<partition> offsets <first> to <last>}, for messages. */
    public String describe() {
        EncodedRecord first = records.get(0);
        EncodedRecord last = records.get(records.size() - 1);
        return records.size() + " record" + (records.size() == 1 ? "" : "s") + " of " + first.partition()
                + (first == last ? " (offset " + first.offset() + ")"
                        : " (offsets " + first.offset() + " to " + last.offset() + ")");
    }
}

package dev.sluice.runtime.config;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The AWS identity this node presents in the ARNs of the MSK Connect API: {@code arn:aws:kafkaconnect:<region>:
 * <accountId>:connector/...}.
 */
public record AwsSettings(
        @JsonProperty("region") String region,
        @JsonProperty("accountId") String accountId) {

    public AwsSettings {
        region = region == null ? "us-east-1" : region;
        accountId = accountId == null ? "000000000000" : accountId;
    }

    public static AwsSettings defaults() {
        return new AwsSettings(null, null);
    }
}

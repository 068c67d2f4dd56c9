package dev.sluice.runtime.config;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.Map;

/**
 * How the node meets AWS: the region and account in the ARNs of the MSK Connect API ({@code arn:aws:kafkaconnect:
 * <region>:<accountId>:connector/...}), and where it fetches from (custom plugins from S3).
 *
 * @param endpoints        endpoint overrides by service ({@code s3: http://127.0.0.1:9090}); AWS's own when absent
 * @param accessKeyId      static credentials, for stand-ins; AWS's default credential chain when absent
 * @param secretAccessKey  the secret of {@code accessKeyId}; never logged nor returned
 */
public record AwsSettings(
        @JsonProperty("region") String region,
        @JsonProperty("accountId") String accountId,
        @JsonProperty("endpoints") Map<String, String> endpoints,
        @JsonProperty("accessKeyId") String accessKeyId,
        @JsonProperty("secretAccessKey") String secretAccessKey) {

    public AwsSettings {
        region = region == null ? "us-east-1" : region;
        accountId = accountId == null ? "000000000000" : accountId;
        endpoints = endpoints == null ? Map.of() : Map.copyOf(endpoints);
    }

    public static AwsSettings defaults() {
        return new AwsSettings(null, null, null, null, null);
    }

    @Override
    public String toString() {
        return "AwsSettings[region=" + region + ", accountId=" + accountId + ", endpoints=" + endpoints
                + ", accessKeyId=" + accessKeyId + ", secretAccessKey=" + (secretAccessKey == null ? null : "[hidden]")
                + "]";
    }
}

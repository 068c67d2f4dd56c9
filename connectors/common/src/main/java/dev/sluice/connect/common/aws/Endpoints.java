package dev.sluice.connect.common.aws;

import dev.sluice.connect.common.config.ParsedBy;
import java.net.URI;
import java.util.Optional;
import org.apache.kafka.common.config.ConfigDef;

/** An endpoint key of an AWS connector ({@code s3.endpoint}, {@code aws.dynamodb.endpoint}): empty for AWS. */
public final class Endpoints {

    private Endpoints() {
    }

    /** @param example an endpoint for the message, such as {@code http://localhost:9000} */
    public static ConfigDef.Validator validator(String example) {
        return ParsedBy.parserOrEmpty("an http or https URL", value -> {
            URI uri = URI.create(value.trim());
            if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
                throw new IllegalArgumentException("The endpoint must be an http or https URL with a host, such as "
                        + example);
            }
        });
    }

    /** The endpoint of a validated value; empty for AWS's own. */
    public static Optional<URI> parse(String value) {
        return value.isBlank() ? Optional.empty() : Optional.of(URI.create(value.trim()));
    }
}

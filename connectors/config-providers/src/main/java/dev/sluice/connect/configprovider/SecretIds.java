package dev.sluice.connect.configprovider;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.config.ConfigException;

/**
 * The secret ID of a reference. Kafka's {@code ${provider:path:key}} syntax splits on colons, so an ARN (or a name
 * with a colon) is written URL-encoded, as AWS's MSK config providers take it: {@code arn%3Aaws%3Asecretsmanager...}.
 * Only {@code %XX} escapes are decoded; a {@code +}, which secret names may hold, stays a plus.
 */
final class SecretIds {

    private SecretIds() {
    }

    /** @throws ConfigException for a {@code %} not followed by two hex digits */
    static String decode(String reference) {
        if (reference.indexOf('%') < 0) {
            return reference;
        }
        var out = new ByteArrayOutputStream(reference.length());
        byte[] bytes = reference.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] != '%') {
                out.write(bytes[i]);
                continue;
            }
            int high = i + 2 < bytes.length ? Character.digit(bytes[i + 1], 16) : -1;
            int low = i + 2 < bytes.length ? Character.digit(bytes[i + 2], 16) : -1;
            if (high < 0 || low < 0) {
                throw new ConfigException("The secret reference '" + reference + "' has a '%' that is not followed by "
                        + "two hex digits; URL-encode the secret ID (':' is %3A)");
            }
            out.write(high * 16 + low);
            i += 2;
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}

package dev.sluice.runtime.connect;

import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.connect.runtime.rest.errors.BadRequestException;
import org.apache.kafka.connect.util.Callback;

/**
 * A connector config whose {@code ${provider:path:key}} references cannot be resolved (a secret that is not there, a
 * key the secret lacks) is the caller's to fix. Kafka Connect lets the config provider's {@link ConfigException}
 * escape validation and answers 500; Sluice answers 400 with the provider's message, which names the reference and
 * never a secret's value.
 */
final class UnresolvedReferences {

    private UnresolvedReferences() {
    }

    /** {@code callback}, completed with a 400 instead of an error that a {@link ConfigException} caused. */
    static <T> Callback<T> reportedAsBadRequest(Callback<T> callback) {
        return callback.chainStaging((error, result) -> callback.onCompletion(asBadRequest(error), result));
    }

    static Throwable asBadRequest(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConfigException) {
                return new BadRequestException("The connector config cannot be resolved: " + cause.getMessage());
            }
        }
        return error;
    }
}

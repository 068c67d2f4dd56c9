package dev.sluice.connect.cdc.iam;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The token makers of this JVM, by {@link IamAuth#key()}. The JDBC driver creates {@link RdsIamAuthenticationPlugin}
 * itself, from the connection's properties only; those carry the key, never the credentials, so that no secret
 * passes through Debezium's config (which it logs). Whoever parses a config with IAM authentication registers it
 * here first: the connector, its validation, and each task on the node it runs on.
 */
public final class IamTokenRegistry {

    private static final Map<String, RdsIamTokens> TOKENS = new ConcurrentHashMap<>();

    private IamTokenRegistry() {
    }

    /** Registers the token maker of {@code auth} if it is not yet, and returns its key. */
    public static String register(IamAuth auth) {
        String key = auth.key();
        TOKENS.computeIfAbsent(key, k -> new RdsIamTokens(auth));
        return key;
    }

    static Optional<RdsIamTokens> get(String key) {
        return Optional.ofNullable(key).map(TOKENS::get);
    }
}

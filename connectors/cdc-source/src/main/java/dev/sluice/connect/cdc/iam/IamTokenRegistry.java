package dev.sluice.connect.cdc.iam;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The token makers of this JVM. Database drivers create their password sources themselves, from what they are given
 * for a connection; so that no secret passes through Debezium's config (which it logs), they find their token maker
 * here: the PostgreSQL driver's {@link RdsIamAuthenticationPlugin} by {@link IamAuth#key()}, which the connection's
 * properties carry, and MySQL Connector/J's {@link RdsIamClearPasswordPlugin} by the endpoint and user it signs in to,
 * as Connector/J hands its plugins no other property. Whoever parses a config with IAM authentication registers it
 * here first: the connector, its validation, and each task on the node it runs on.
 */
public final class IamTokenRegistry {

    private static final Map<String, RdsIamTokens> BY_KEY = new ConcurrentHashMap<>();
    private static final Map<String, RdsIamTokens> BY_ENDPOINT = new ConcurrentHashMap<>();

    private IamTokenRegistry() {
    }

    /**
     * Registers the token maker of {@code auth} if it is not yet, and returns its key. For an endpoint and user, the
     * last registered maker is the one found by {@link #forEndpoint}: two connectors signing in as one user with
     * different credentials each make tokens that user accepts, or neither would run.
     */
    public static String register(IamAuth auth) {
        makerFor(auth);
        return auth.key();
    }

    /** The token maker of {@code auth}, registered first if it is not yet ({@link #register}). */
    public static RdsIamTokens makerFor(IamAuth auth) {
        RdsIamTokens tokens = BY_KEY.computeIfAbsent(auth.key(), k -> new RdsIamTokens(auth));
        BY_ENDPOINT.put(endpoint(auth.host(), auth.port(), auth.user()), tokens);
        return tokens;
    }

    static Optional<RdsIamTokens> get(String key) {
        return Optional.ofNullable(key).map(BY_KEY::get);
    }

    static Optional<RdsIamTokens> forEndpoint(String host, int port, String user) {
        return Optional.ofNullable(BY_ENDPOINT.get(endpoint(host, port, user)));
    }

    private static String endpoint(String host, int port, String user) {
        return host.toLowerCase(java.util.Locale.ROOT) + ":" + port + "/" + user;
    }
}

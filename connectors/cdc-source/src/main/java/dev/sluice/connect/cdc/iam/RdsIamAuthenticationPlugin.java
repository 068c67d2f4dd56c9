package dev.sluice.connect.cdc.iam;

import java.util.Properties;
import org.postgresql.plugin.AuthenticationPlugin;
import org.postgresql.plugin.AuthenticationRequestType;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;

/**
 * The PostgreSQL JDBC driver's password source when the connector authenticates with IAM: the driver creates it for
 * every connection (Debezium's, its replication stream's and the connector's own), and it answers with a fresh RDS
 * IAM token. Named by the driver property {@value #CLASS_PROPERTY}; finds its token maker through
 * {@value #KEY_PROPERTY}.
 */
public final class RdsIamAuthenticationPlugin implements AuthenticationPlugin {

    /** The driver's property naming the plugin class. */
    public static final String CLASS_PROPERTY = "authenticationPluginClassName";
    /** The driver property carrying the {@link IamTokenRegistry} key. */
    public static final String KEY_PROPERTY = "sluiceIamTokens";

    private final String key;

    public RdsIamAuthenticationPlugin(Properties info) {
        this.key = info.getProperty(KEY_PROPERTY);
    }

    @Override
    public char[] getPassword(AuthenticationRequestType type) throws PSQLException {
        RdsIamTokens tokens = IamTokenRegistry.get(key).orElseThrow(() -> new PSQLException("No RDS IAM token "
                + "maker is registered for this connection (driver property " + KEY_PROPERTY + "=" + key + "); "
                + "it is registered when the connector's config is parsed", PSQLState.CONNECTION_REJECTED));
        try {
            return tokens.token().toCharArray();
        } catch (RuntimeException e) {
            throw new PSQLException(RdsIamTokens.failure(e), PSQLState.CONNECTION_REJECTED, e);
        }
    }
}

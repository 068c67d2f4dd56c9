package dev.sluice.connect.cdc.iam;

import com.mysql.cj.callback.MysqlCallbackHandler;
import com.mysql.cj.protocol.Protocol;
import com.mysql.cj.protocol.a.NativePacketPayload;
import com.mysql.cj.protocol.a.authentication.MysqlClearPasswordPlugin;

/**
 * MySQL Connector/J's {@code mysql_clear_password} plugin, which RDS asks for when a user signs in with IAM, answering
 * with a fresh RDS IAM token instead of the configured password whenever a token maker is registered for the
 * connection's endpoint and user ({@link IamTokenRegistry#forEndpoint}). Connector/J creates it for every connection
 * (Debezium's snapshot and schema connections and the connector's validation, reconnects included), so no connection
 * presents an expired token. Named by the driver property {@value #CLASS_PROPERTY}; like the plugin it replaces, it
 * sends nothing over a connection without TLS.
 */
public final class RdsIamClearPasswordPlugin extends MysqlClearPasswordPlugin {

    /** The driver's property listing extra authentication plugins, which replace built-in ones of the same name. */
    public static final String CLASS_PROPERTY = "authenticationPlugins";

    private Protocol<NativePacketPayload> protocol;

    @Override
    public void init(Protocol<NativePacketPayload> protocol, MysqlCallbackHandler callbackHandler) {
        super.init(protocol, callbackHandler);
        this.protocol = protocol;
    }

    @Override
    public void setAuthenticationParameters(String user, String password) {
        var connection = protocol.getSocketConnection();
        String token = IamTokenRegistry.forEndpoint(connection.getHost(), connection.getPort(), user)
                .map(tokens -> {
                    try {
                        return tokens.token();
                    } catch (RuntimeException e) {
                        throw new IllegalStateException(RdsIamTokens.failure(e), e);
                    }
                })
                .orElse(password);
        super.setAuthenticationParameters(user, token);
    }
}

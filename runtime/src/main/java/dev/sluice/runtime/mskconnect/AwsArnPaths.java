package dev.sluice.runtime.mskconnect;

import io.dropwizard.core.server.DefaultServerFactory;
import io.dropwizard.core.server.ServerFactory;
import io.dropwizard.core.setup.Environment;
import io.dropwizard.jetty.ConnectorFactory;
import io.dropwizard.jetty.HttpConnectorFactory;
import org.eclipse.jetty.http.UriCompliance;

/**
 * ARNs travel in URL paths ({@code /v1/connectors/arn:aws:kafkaconnect:...:connector/name/uuid}), where AWS SDKs
 * encode their slashes as {@code %2F}. Jetty 12 rejects such "ambiguous" paths by default; accept them.
 */
public final class AwsArnPaths {

    private static final UriCompliance ARN_PATHS = UriCompliance.DEFAULT.with("SLUICE_ARN_PATHS",
            UriCompliance.Violation.AMBIGUOUS_PATH_SEPARATOR, UriCompliance.Violation.AMBIGUOUS_PATH_ENCODING);

    private AwsArnPaths() {
    }

    public static void allowEncodedSlashes(ServerFactory serverFactory, Environment environment) {
        if (serverFactory instanceof DefaultServerFactory server) {
            for (ConnectorFactory connector : server.getApplicationConnectors()) {
                if (connector instanceof HttpConnectorFactory http) {
                    http.setUriCompliance(ARN_PATHS);
                }
            }
        }
        environment.getApplicationContext().getServletHandler().setDecodeAmbiguousURIs(true);
    }
}

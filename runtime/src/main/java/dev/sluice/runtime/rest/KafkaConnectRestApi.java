package dev.sluice.runtime.rest;

import com.fasterxml.jackson.jakarta.rs.json.JacksonJsonProvider;
import org.apache.kafka.connect.runtime.Herder;
import org.apache.kafka.connect.runtime.rest.RestClient;
import org.apache.kafka.connect.runtime.rest.RestRequestTimeout;
import org.apache.kafka.connect.runtime.rest.RestServerConfig;
import org.apache.kafka.connect.runtime.rest.errors.ConnectExceptionMapper;
import org.apache.kafka.connect.runtime.rest.resources.ConnectorPluginsResource;
import org.apache.kafka.connect.runtime.rest.resources.ConnectorsResource;
import org.apache.kafka.connect.runtime.rest.resources.InternalConnectResource;
import org.apache.kafka.connect.runtime.rest.resources.LoggingResource;
import org.apache.kafka.connect.runtime.rest.resources.RootResource;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;
import org.glassfish.jersey.servlet.ServletContainer;

/**
 * Kafka Connect's REST API, served by Kafka Connect's own JAX-RS resources, exception mapper and JSON provider in a
 * Jersey application of their own, so paths, status codes and JSON bodies are exactly Apache Kafka Connect's (but for
 * the validate resource's errors, which get their own status: {@link ExecutionExceptionMapper}).
 * Behind it, one {@link Herder} routes each call to the connector's own Connect cluster.
 */
public final class KafkaConnectRestApi {

    /** Kafka Connect's defaults: 90 s for a request, 10 s for the health check. */
    static final RestRequestTimeout TIMEOUT = RestRequestTimeout.constant(90_000, 10_000);

    private KafkaConnectRestApi() {
    }

    public static ServletContainer servlet(Herder herder, RestServerConfig config, RestClient restClient) {
        ResourceConfig resources = new ResourceConfig();
        resources.register(new JacksonJsonProvider());
        resources.register(ConnectExceptionMapper.class);
        resources.register(ExecutionExceptionMapper.class);
        resources.property(ServerProperties.WADL_FEATURE_DISABLE, true);
        resources.register(new RootResource(herder, TIMEOUT));
        resources.register(new ConnectorsResource(herder, config, restClient, TIMEOUT));
        resources.register(new InternalConnectResource(herder, restClient, TIMEOUT));
        resources.register(new ConnectorPluginsResource(herder, TIMEOUT));
        resources.register(new LoggingResource(herder));
        return new ServletContainer(resources);
    }
}

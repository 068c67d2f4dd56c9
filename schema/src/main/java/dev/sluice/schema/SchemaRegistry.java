package dev.sluice.schema;

import dev.sluice.schema.confluent.ConfluentApi;
import dev.sluice.schema.confluent.ConfluentFilter;
import dev.sluice.schema.glue.GlueApi;
import dev.sluice.schema.glue.GlueFilter;
import dev.sluice.schema.registry.Arns;
import dev.sluice.schema.registry.Limits;
import dev.sluice.schema.registry.RegistryState;
import dev.sluice.schema.store.InMemorySchemaStore;
import dev.sluice.schema.store.KafkaSchemaStore;
import dev.sluice.schema.store.SchemaStore;
import jakarta.servlet.Filter;
import org.apache.kafka.clients.admin.Admin;

import java.time.Clock;
import java.util.Map;

/**
 * A node's schema registry: its state, the log it is built from, and the Glue API over both. The node starts it
 * before serving and closes it on shutdown.
 */
public final class SchemaRegistry implements AutoCloseable {

    /** The Glue registry whose schemas are the Confluent-compatible API's subjects. */
    public static final String DEFAULT_CONFLUENT_REGISTRY = "default-registry";

    /** The compacted topic the registry lives in, unless configured otherwise. */
    public static final String DEFAULT_TOPIC = "__sluice_schema_registry";

    private final RegistryState state;
    private final SchemaStore store;
    private final GlueApi api;
    private final ConfluentApi confluent;

    private SchemaRegistry(RegistryState state, SchemaStore store, Arns arns, Limits limits, Clock clock) {
        this.state = state;
        this.store = store;
        this.api = new GlueApi(state, store, arns, limits, clock);
        this.confluent = new ConfluentApi(api, state, store::catchUp, DEFAULT_CONFLUENT_REGISTRY);
    }

    /** A registry stored in a Kafka topic; call {@link #start(Admin)} before serving. */
    public static SchemaRegistry kafka(String topic, Map<String, Object> clientProps, Arns arns) {
        RegistryState state = new RegistryState();
        return new SchemaRegistry(state, new KafkaSchemaStore(topic, clientProps, state), arns, Limits.glue(),
                Clock.systemUTC());
    }

    /** A registry in memory only, for tests and tools. */
    public static SchemaRegistry inMemory(Arns arns, Limits limits, Clock clock) {
        RegistryState state = new RegistryState();
        return new SchemaRegistry(state, new InMemorySchemaStore(state), arns, limits, clock);
    }

    /** Creates the topic if need be and loads the registry from it; returns once this node's state is current. */
    public void start(Admin admin) {
        if (store instanceof KafkaSchemaStore kafka) {
            kafka.start(admin);
        }
    }

    public GlueApi api() {
        return api;
    }

    public RegistryState state() {
        return state;
    }

    public ConfluentApi confluentApi() {
        return confluent;
    }

    /**
     * The servlet filter that serves both APIs and passes every other request on: the Glue API on {@code POST /}
     * with {@code X-Amz-Target: AWSGlue.*}, the Confluent-compatible one on its own paths.
     */
    public Filter filter() {
        GlueFilter glue = new GlueFilter(api);
        ConfluentFilter confluentFilter = new ConfluentFilter(confluent);
        return (request, response, chain) -> glue.doFilter(request, response,
                (req, res) -> confluentFilter.doFilter(req, res, chain));
    }

    @Override
    public void close() {
        store.close();
    }
}

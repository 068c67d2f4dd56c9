package dev.sluice.schema.glue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.sluice.schema.ErrorCode;
import dev.sluice.schema.RegistryException;
import dev.sluice.schema.registry.Arns;
import dev.sluice.schema.registry.Limits;
import dev.sluice.schema.registry.RegistryState;
import dev.sluice.schema.store.SchemaStore;
import dev.sluice.schema.store.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The AWS Glue Schema Registry API (protocol awsJson1_1): an operation named by {@code X-Amz-Target:
 * AWSGlue.<Operation>} takes a JSON body and answers a JSON body, or a Glue error ({@code __type} and
 * {@code Message}) with the status the API model gives it.
 */
public final class GlueApi {

    /** What to answer: the HTTP status, the body, and for an error its type. */
    public record Response(int status, String body, String errorType) {
    }

    public static final String TARGET_PREFIX = "AWSGlue.";
    /**
     * The member of RegisterSchemaVersion's and GetSchemaVersion's answers that says why a version has status FAILURE
     * (Glue's model has none; SDKs skip members they do not know).
     */
    public static final String FAILURE_REASON = "SluiceFailureReason";
    private static final Logger LOG = LoggerFactory.getLogger(GlueApi.class);
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private final Map<String, Function<GlueRequest, Out>> operations = new TreeMap<>();

    public GlueApi(RegistryState state, SchemaStore store, Arns arns, Limits limits, Clock clock) {
        RegistryContext context = new RegistryContext(state, store, arns, limits, clock);
        RegistryOperations registries = new RegistryOperations(context);
        registries.register(this);
        new SchemaOperations(context, registries).register(this);
        new VersionOperations(context).register(this);
        new MetadataOperations(context).register(this);
        new TagOperations(context).register(this);
    }

    void operation(String name, Function<GlueRequest, Out> handler) {
        operations.put(name, handler);
    }

    /** The operations served, by name. */
    public Set<String> operations() {
        return operations.keySet();
    }

    /** Runs the operation that {@code target} names on the JSON {@code body}. */
    public Response handle(String target, String body) {
        String name = target == null || !target.startsWith(TARGET_PREFIX) ? null
                : target.substring(TARGET_PREFIX.length());
        Function<GlueRequest, Out> operation = name == null ? null : operations.get(name);
        if (operation == null) {
            return error(new RegistryException(ErrorCode.UNKNOWN_OPERATION, "Unknown operation " + target
                    + "; the schema registry serves AWSGlue." + String.join(", AWSGlue.", operations.keySet())));
        }
        try {
            JsonNode request = parse(body);
            return new Response(200, operation.apply(new GlueRequest(request, "")).json().toString(), null);
        } catch (RegistryException e) {
            return error(e);
        } catch (StoreException e) {
            LOG.warn("{} failed: {}", name, e.getMessage(), e);
            return error(new RegistryException(ErrorCode.INTERNAL_SERVICE, e.getMessage()));
        } catch (RuntimeException e) {
            LOG.error("{} failed", name, e);
            return error(new RegistryException(ErrorCode.INTERNAL_SERVICE, "Internal error in " + name + ": " + e));
        }
    }

    private static JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            return JsonNodeFactory.instance.objectNode();
        }
        JsonNode request;
        try {
            request = JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw RegistryException.invalidInput("The request body is not valid JSON: " + e.getOriginalMessage()
                    + " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")");
        }
        if (!request.isObject()) {
            throw RegistryException.invalidInput("The request body must be a JSON object, not "
                    + request.getNodeType());
        }
        return request;
    }

    /** The answer to a request whose body is over {@code limit} bytes: refused unread. */
    public static Response tooLarge(long limit) {
        return error(RegistryException.invalidInput("The request body is over " + limit + " bytes"));
    }

    private static Response error(RegistryException e) {
        var body = JsonNodeFactory.instance.objectNode()
                .put("__type", e.code().type())
                .put("Message", e.getMessage());
        return new Response(e.code().status(), body.toString(), e.code().type());
    }
}

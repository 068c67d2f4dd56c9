package dev.sluice.schema.confluent;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.schema.compatibility.Compatibility;
import dev.sluice.schema.compatibility.CompatibilityChecker;
import dev.sluice.schema.compatibility.CompatibilityChecker.Earlier;
import dev.sluice.schema.format.InvalidSchemaException;
import dev.sluice.schema.format.ParsedSchema;
import dev.sluice.schema.format.SchemaFormat;
import dev.sluice.schema.glue.GlueApi;
import dev.sluice.schema.registry.RegisteredSchema;
import dev.sluice.schema.registry.RegistryState;
import dev.sluice.schema.registry.SchemaVersion;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The core of the Confluent Schema Registry REST API over the same registry: a subject is a schema of one Glue
 * registry (default-registry unless configured), its versions are the schema's, and a schema id is a version's
 * global id. Changes go through the Glue operations, so they are checked, stored and refused alike.
 */
public final class ConfluentApi {

    /** What to answer: an HTTP status and a JSON body. */
    public record Response(int status, String body) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final GlueApi glue;
    private final RegistryState state;
    private final String registryName;
    private final Runnable catchUp;

    /**
     * @param catchUp reads what other nodes wrote to the registry up to now, for an id this node has not seen yet
     */
    public ConfluentApi(GlueApi glue, RegistryState state, Runnable catchUp, String registryName) {
        this.glue = glue;
        this.state = state;
        this.catchUp = catchUp;
        this.registryName = registryName;
    }

    /** Whether a request path is one of this API's. */
    public static boolean serves(String path) {
        return path.equals("/subjects") || path.startsWith("/subjects/") || path.startsWith("/schemas/")
                || path.equals("/config") || path.startsWith("/config/") || path.startsWith("/compatibility/");
    }

    public Response handle(String method, String path, String body) {
        try {
            return new Response(200, route(method, ConfluentPath.parse(path), body).toString());
        } catch (ConfluentException e) {
            return error(e);
        }
    }

    /** The answer to a request whose body is over {@code limit} bytes. */
    public static Response tooLarge(int limit) {
        return error(new ConfluentException(413, 413, "The request body is over " + limit + " bytes"));
    }

    private static Response error(ConfluentException e) {
        ObjectNode error = NODES.objectNode().put("error_code", e.errorCode()).put("message", e.getMessage());
        return new Response(e.status(), error.toString());
    }

    private JsonNode route(String method, ConfluentPath path, String body) {
        return switch (method + " " + path.pattern()) {
            case "GET /subjects" -> subjects();
            case "GET /subjects/*/versions" -> versionNumbers(path.get(1));
            case "GET /subjects/*/versions/*" -> versionOut(version(path.get(1), path.get(3)), true);
            case "GET /subjects/*/versions/*/schema" -> read(version(path.get(1), path.get(3)).definition());
            case "POST /subjects/*/versions" -> register(path.get(1), request(body));
            case "POST /subjects/*" -> lookup(path.get(1), request(body));
            case "DELETE /subjects/*" -> deleteSubject(path.get(1));
            case "DELETE /subjects/*/versions/*" -> deleteVersion(path.get(1), path.get(3));
            case "GET /schemas/ids/*" -> schemaById(path.get(2));
            case "GET /schemas/types" -> NODES.arrayNode().add("AVRO").add("JSON").add("PROTOBUF");
            case "POST /compatibility/subjects/*/versions/*" -> compatible(path.get(2), path.get(4), request(body));
            case "GET /config" -> NODES.objectNode().put("compatibilityLevel", "BACKWARD");
            case "GET /config/*" -> NODES.objectNode().put("compatibilityLevel",
                    ConfluentCompatibility.of(schema(path.get(1)).compatibility()));
            case "PUT /config/*" -> setCompatibility(path.get(1), request(body));
            default -> throw new ConfluentException(404, 404, "HTTP 404 Not Found: " + method + " " + path);
        };
    }

    private JsonNode subjects() {
        ArrayNode out = NODES.arrayNode();
        state.schemas(registryName).forEach(schema -> out.add(schema.name()));
        return out;
    }

    private JsonNode versionNumbers(String subject) {
        ArrayNode out = NODES.arrayNode();
        state.versions(schema(subject)).stream().filter(SchemaVersion::available)
                .forEach(version -> out.add(version.versionNumber()));
        return out;
    }

    private RegisteredSchema schema(String subject) {
        return state.schema(registryName, subject).orElseThrow(() -> ConfluentException.subjectNotFound(subject));
    }

    private SchemaVersion version(String subject, String version) {
        RegisteredSchema schema = schema(subject);
        long number;
        if (version.equals("latest") || version.equals("-1")) {
            number = schema.latestVersion();
        } else {
            try {
                number = Long.parseLong(version);
            } catch (NumberFormatException e) {
                throw new ConfluentException(422, 42202, "The specified version '" + version + "' is not a valid"
                        + " version id. Allowed values are between [1, 2^31-1] and the string \"latest\"");
            }
        }
        return state.version(schema, number).filter(SchemaVersion::available)
                .orElseThrow(() -> new ConfluentException(404, 40402, "Version " + version + " not found."));
    }

    private JsonNode versionOut(SchemaVersion version, boolean withSchema) {
        ObjectNode out = NODES.objectNode()
                .put("subject", version.schemaName())
                .put("version", version.versionNumber())
                .put("id", version.globalId());
        String type = state.schema(version.registryName(), version.schemaName())
                .map(s -> s.dataFormat().name()).orElse("AVRO");
        if (!type.equals("AVRO")) {
            out.put("schemaType", type);
        }
        if (withSchema) {
            out.put("schema", version.definition());
        }
        return out;
    }

    private JsonNode register(String subject, JsonNode request) {
        String definition = definition(request);
        String format = request.path("schemaType").asText("AVRO");
        GlueApi.Response answer = state.schema(registryName, subject).isPresent()
                ? glue.handle("AWSGlue.RegisterSchemaVersion", NODES.objectNode()
                        .<ObjectNode>set("SchemaId", schemaId(subject))
                        .put("SchemaDefinition", definition).toString())
                : glue.handle("AWSGlue.CreateSchema", NODES.objectNode()
                        .<ObjectNode>set("RegistryId", NODES.objectNode().put("RegistryName", registryName))
                        .put("SchemaName", subject).put("DataFormat", format).put("Compatibility", "BACKWARD")
                        .put("SchemaDefinition", definition).toString());
        JsonNode result = glueResult(answer);
        if (SchemaVersion.FAILURE.equals(result.path("Status").asText())) {
            // Glue keeps the refused version with status FAILURE; to a Confluent client it was never registered
            throw new ConfluentException(409, 409, "Schema being registered is incompatible with an earlier schema"
                    + " for subject \"" + subject + "\", details: " + result.path(GlueApi.FAILURE_REASON).asText());
        }
        String id = result.path("SchemaVersionId").asText();
        SchemaVersion version = state.version(UUID.fromString(id)).orElseThrow(() ->
                new ConfluentException(500, 50001, "The registered version " + id + " is not readable"));
        return NODES.objectNode().put("id", version.globalId());
    }

    private JsonNode lookup(String subject, JsonNode request) {
        schema(subject);
        JsonNode result = glueResult(glue.handle("AWSGlue.GetSchemaByDefinition", NODES.objectNode()
                .<ObjectNode>set("SchemaId", schemaId(subject))
                .put("SchemaDefinition", definition(request)).toString()));
        return versionOut(state.version(UUID.fromString(result.path("SchemaVersionId").asText()))
                .filter(SchemaVersion::available)
                .orElseThrow(() -> new ConfluentException(404, 40403, "Schema not found")), true);
    }

    private JsonNode deleteSubject(String subject) {
        ArrayNode numbers = (ArrayNode) versionNumbers(subject);
        glueResult(glue.handle("AWSGlue.DeleteSchema", NODES.objectNode()
                .<ObjectNode>set("SchemaId", schemaId(subject)).toString()));
        return numbers;
    }

    private JsonNode deleteVersion(String subject, String version) {
        long number = version(subject, version).versionNumber();
        JsonNode result = glueResult(glue.handle("AWSGlue.DeleteSchemaVersions", NODES.objectNode()
                .<ObjectNode>set("SchemaId", schemaId(subject)).put("Versions", String.valueOf(number)).toString()));
        JsonNode errors = result.path("SchemaVersionErrors");
        if (!errors.isEmpty()) {
            throw new ConfluentException(422, 42206, errors.get(0).path("ErrorDetails").path("ErrorMessage").asText());
        }
        return NODES.numberNode(number);
    }

    private JsonNode schemaById(String id) {
        long globalId;
        try {
            globalId = Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw new ConfluentException(404, 40403, "Schema " + id + " not found");
        }
        // a schema another node has just registered may not have reached this node's tail yet: a consumer of a
        // record written with it asks right away
        SchemaVersion version = state.version(globalId)
                .or(() -> {
                    catchUp.run();
                    return state.version(globalId);
                })
                .filter(SchemaVersion::available)
                .orElseThrow(() -> new ConfluentException(404, 40403, "Schema " + id + " not found"));
        ObjectNode out = (ObjectNode) versionOut(version, true);
        out.remove(List.of("subject", "version", "id"));
        return out;
    }

    /** Whether the schema may follow the given version under the subject's mode (its _ALL modes as the plain ones). */
    private JsonNode compatible(String subject, String version, JsonNode request) {
        RegisteredSchema schema = schema(subject);
        SchemaVersion against = version(subject, version);
        ParsedSchema candidate;
        try {
            candidate = SchemaFormat.of(schema.dataFormat()).parse(definition(request));
        } catch (InvalidSchemaException e) {
            throw new ConfluentException(422, 42201, "Invalid schema: " + e.getMessage());
        }
        ParsedSchema earlier;
        try {
            earlier = SchemaFormat.of(schema.dataFormat()).parse(against.definition());
        } catch (InvalidSchemaException e) {
            throw new ConfluentException(500, 50001, "Stored version is unreadable: " + e.getMessage());
        }
        Optional<String> problem = CompatibilityChecker.check(schema.compatibility(), candidate,
                List.of(new Earlier(against.versionNumber(), earlier)));
        ObjectNode out = NODES.objectNode().put("is_compatible", problem.isEmpty());
        problem.ifPresent(message -> out.putArray("messages").add(message));
        return out;
    }

    private JsonNode setCompatibility(String subject, JsonNode request) {
        RegisteredSchema schema = schema(subject);
        Compatibility mode = ConfluentCompatibility.parse(request.path("compatibility").asText(null));
        glueResult(glue.handle("AWSGlue.UpdateSchema", NODES.objectNode()
                .<ObjectNode>set("SchemaId", schemaId(subject))
                .put("Compatibility", mode.name())
                .<ObjectNode>set("SchemaVersionNumber", NODES.objectNode().put("VersionNumber", schema.checkpoint()))
                .toString()));
        return NODES.objectNode().put("compatibility", ConfluentCompatibility.of(mode));
    }

    private ObjectNode schemaId(String subject) {
        return NODES.objectNode().put("RegistryName", registryName).put("SchemaName", subject);
    }

    private static JsonNode request(String body) {
        try {
            JsonNode node = body == null || body.isBlank() ? NODES.objectNode() : JSON.readTree(body);
            if (!node.isObject()) {
                throw new ConfluentException(422, 42201, "The request body must be a JSON object");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new ConfluentException(400, 400, "Unrecognized request body: " + e.getOriginalMessage());
        }
    }

    private static String definition(JsonNode request) {
        String schema = request.path("schema").asText(null);
        if (schema == null || schema.isBlank()) {
            throw new ConfluentException(422, 42201, "Empty schema");
        }
        return schema;
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            return NODES.textNode(json); // Protobuf definitions are not JSON: answered as a string
        }
    }

    /** The Glue answer's body, or its error as the Confluent error a client of that API expects. */
    private static JsonNode glueResult(GlueApi.Response answer) {
        JsonNode body = read(answer.body());
        if (answer.status() == 200) {
            return body;
        }
        String message = body.path("Message").asText();
        throw switch (body.path("__type").asText()) {
            case "EntityNotFoundException" -> message.startsWith("Schema version is not found")
                    ? new ConfluentException(404, 40403, "Schema not found: " + message)
                    : new ConfluentException(404, 40401, message);
            case "InvalidInputException" -> new ConfluentException(422, 42201, message);
            case "ResourceNumberLimitExceededException" -> new ConfluentException(422, 42201, message);
            default -> new ConfluentException(500, 50001, message);
        };
    }
}

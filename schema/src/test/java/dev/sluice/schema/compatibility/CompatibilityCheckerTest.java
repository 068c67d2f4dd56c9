package dev.sluice.schema.compatibility;

import dev.sluice.schema.compatibility.CompatibilityChecker.Earlier;
import dev.sluice.schema.format.DataFormat;
import dev.sluice.schema.format.InvalidSchemaException;
import dev.sluice.schema.format.ParsedSchema;
import dev.sluice.schema.format.SchemaFormat;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class CompatibilityCheckerTest {

    /** id only. */
    private static final String V1 = avro("{\"name\":\"id\",\"type\":\"long\"}");
    /** id, and email with a default: readable both ways with V1. */
    private static final String WITH_OPTIONAL = avro("{\"name\":\"id\",\"type\":\"long\"},"
            + "{\"name\":\"email\",\"type\":\"string\",\"default\":\"\"}");
    /** id, and email without a default: a reader on it cannot read V1's data (backward break). */
    private static final String WITH_REQUIRED = avro("{\"name\":\"id\",\"type\":\"long\"},"
            + "{\"name\":\"email\",\"type\":\"string\"}");
    /** no fields: V1's reader cannot read its data (forward break: V1 needs id). */
    private static final String WITHOUT_ID = avro("");

    private static final Map<String, String> SCHEMAS = Map.of("V1", V1, "WITH_OPTIONAL", WITH_OPTIONAL,
            "WITH_REQUIRED", WITH_REQUIRED, "WITHOUT_ID", WITHOUT_ID);

    private static String avro(String fields) {
        return "{\"type\":\"record\",\"name\":\"User\",\"fields\":[" + fields + "]}";
    }

    @ParameterizedTest(name = "{0}: {1} after V1 accepted={2}")
    @CsvSource({
            "NONE, WITH_REQUIRED, true",
            "BACKWARD, WITH_OPTIONAL, true",
            "BACKWARD, WITH_REQUIRED, false",
            "BACKWARD, WITHOUT_ID, true",
            "FORWARD, WITH_REQUIRED, true",
            "FORWARD, WITHOUT_ID, false",
            "FULL, WITH_OPTIONAL, true",
            "FULL, WITH_REQUIRED, false",
            "FULL, WITHOUT_ID, false",
            "DISABLED, V1, false",
    })
    void eachModeChecksItsDirectionAgainstTheLatestVersion(Compatibility mode, String candidate, boolean accepted) {
        Optional<String> problem = CompatibilityChecker.check(mode, parse(SCHEMAS.get(candidate)),
                List.of(new Earlier(1, parse(V1))));

        assertThat(problem.isEmpty()).as(problem.orElse("accepted")).isEqualTo(accepted);
    }

    @ParameterizedTest(name = "{0}: accepted={1}")
    @CsvSource({
            "BACKWARD, true",
            "BACKWARD_ALL, false",
            "FORWARD, true",
            "FORWARD_ALL, false",
            "FULL, true",
            "FULL_ALL, false",
    })
    void theAllModesCheckEveryEarlierVersion(Compatibility mode, boolean accepted) {
        // Version 1 has a required email (no default); version 2 dropped it. The candidate equals version 2 plus
        // a new optional field, so it is compatible with version 2 both ways, but not with version 1.
        String v1 = avro("{\"name\":\"id\",\"type\":\"long\"},{\"name\":\"email\",\"type\":\"int\"}");
        String candidate = avro("{\"name\":\"id\",\"type\":\"long\"},"
                + "{\"name\":\"email\",\"type\":\"string\",\"default\":\"\"}");

        Optional<String> problem = CompatibilityChecker.check(mode, parse(candidate),
                List.of(new Earlier(1, parse(v1)), new Earlier(2, parse(V1))));

        assertThat(problem.isEmpty()).as(problem.orElse("accepted")).isEqualTo(accepted);
    }

    @Test
    void aRefusalNamesTheFieldTheVersionAndTheDirection() {
        Optional<String> problem = CompatibilityChecker.check(Compatibility.BACKWARD, parse(WITH_REQUIRED),
                List.of(new Earlier(1, parse(V1))));

        assertThat(problem).hasValueSatisfying(message -> assertThat(message)
                .startsWith("Schema is not BACKWARD compatible: reading data of version 1 with the new version:")
                .contains("the reader's field 'email' has no default value and is missing from the writer"));
    }

    @Test
    void aTypeChangeNamesReaderAndWriterTypes() {
        Optional<String> problem = CompatibilityChecker.check(Compatibility.BACKWARD,
                parse(avro("{\"name\":\"id\",\"type\":\"int\"}")), List.of(new Earlier(1, parse(V1))));

        assertThat(problem).hasValueSatisfying(message -> assertThat(message)
                .contains("the reader's type INT cannot read the writer's type LONG").contains("/fields/0/type"));
    }

    @Test
    void jsonSchemaBackwardRefusesANewRequiredProperty() {
        String v1 = "{\"type\":\"object\",\"properties\":{\"id\":{\"type\":\"integer\"}},\"required\":[\"id\"]}";
        String addsOptional = "{\"type\":\"object\",\"properties\":{\"id\":{\"type\":\"integer\"},"
                + "\"name\":{\"type\":\"string\"}},\"required\":[\"id\"]}";
        String addsRequired = "{\"type\":\"object\",\"properties\":{\"id\":{\"type\":\"integer\"},"
                + "\"name\":{\"type\":\"string\"}},\"required\":[\"id\",\"name\"]}";
        String changesType = "{\"type\":\"object\",\"properties\":{\"id\":{\"type\":\"string\"}}}";

        assertThat(check(Compatibility.BACKWARD, DataFormat.JSON, addsOptional, v1)).isEmpty();
        assertThat(check(Compatibility.BACKWARD, DataFormat.JSON, addsRequired, v1)).hasValueSatisfying(m ->
                assertThat(m).contains("the reader requires property 'name', which the writer does not have"));
        assertThat(check(Compatibility.FULL, DataFormat.JSON, changesType, v1)).hasValueSatisfying(m ->
                assertThat(m).contains("at #/properties/id the reader's type [string] does not accept the writer's"
                        + " type [integer]"));
    }

    @Test
    void protobufRefusesAFieldNumberThatChangesItsEncoding() {
        String v1 = "syntax = \"proto3\"; message Order { int64 id = 1; string note = 2; }";
        String addsField = "syntax = \"proto3\"; message Order { int64 id = 1; string note = 2; int32 qty = 3; }";
        String widens = "syntax = \"proto3\"; message Order { int32 id = 1; bytes note = 2; }";
        String retypes = "syntax = \"proto3\"; message Order { string id = 1; string note = 2; }";

        assertThat(check(Compatibility.FULL, DataFormat.PROTOBUF, addsField, v1)).isEmpty();
        assertThat(check(Compatibility.FULL, DataFormat.PROTOBUF, widens, v1)).isEmpty();
        assertThat(check(Compatibility.BACKWARD, DataFormat.PROTOBUF, retypes, v1)).hasValueSatisfying(m ->
                assertThat(m).contains("message Order: field number 1 is string 'id' in the reader but int64 'id'"
                        + " in the writer"));
    }

    private static Optional<String> check(Compatibility mode, DataFormat format, String candidate, String earlier) {
        return CompatibilityChecker.check(mode, parse(format, candidate), List.of(new Earlier(1,
                parse(format, earlier))));
    }

    private static ParsedSchema parse(String avro) {
        return parse(DataFormat.AVRO, avro);
    }

    private static ParsedSchema parse(DataFormat format, String definition) {
        try {
            return SchemaFormat.of(format).parse(definition);
        } catch (InvalidSchemaException e) {
            throw new AssertionError(e);
        }
    }
}

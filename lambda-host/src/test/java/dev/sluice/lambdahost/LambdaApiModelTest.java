package dev.sluice.lambdahost;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.sluice.lambdahost.LambdaApiModel.CreateFunctionRequest;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class LambdaApiModelTest {

    private final ObjectMapper json = LambdaApiModel.json();

    @Test
    void aCreateFunctionBodyIsReadWithTheModelsMemberNames() throws IOException {
        String body = "{\"FunctionName\":\"orders\",\"Runtime\":\"java17\",\"Role\":\"r\",\"Handler\":\"a.B\","
                + "\"Code\":{\"ZipFile\":\"UEsDBA==\"},\"Timeout\":10,\"MemorySize\":256,"
                + "\"Environment\":{\"Variables\":{\"TABLE\":\"orders\"}},\"Publish\":false,\"SomethingNew\":1}";

        CreateFunctionRequest request = json.readValue(body, CreateFunctionRequest.class);

        assertThat(request.functionName()).isEqualTo("orders");
        assertThat(request.code().zipFile()).isEqualTo("PK\u0003\u0004".getBytes(StandardCharsets.ISO_8859_1));
        assertThat(request.timeout()).isEqualTo(10);
        assertThat(request.memorySize()).isEqualTo(256);
        assertThat(request.environment().variables()).isEqualTo(Map.of("TABLE", "orders"));
    }

    @Test
    void aConfigurationIsWrittenWithTheModelsMemberNamesAndNoNulls() throws IOException {
        LambdaFunction function = new LambdaFunction("orders", "arn:aws:lambda:us-east-1:0:function:orders", "java17",
                "role", "a.B::c", "", 3, 128, Map.of(), Map.of(), null, "c2hh", 42, "c1",
                "2026-01-01T00:00:00.000+0000", "rev");

        JsonNode written = json.readTree(json.writeValueAsBytes(function.configuration()));

        assertThat(written.get("FunctionName").asText()).isEqualTo("orders");
        assertThat(written.get("CodeSha256").asText()).isEqualTo("c2hh");
        assertThat(written.get("CodeSize").asLong()).isEqualTo(42);
        assertThat(written.get("Version").asText()).isEqualTo("$LATEST");
        assertThat(written.get("State").asText()).isEqualTo("Active");
        assertThat(written.get("LastUpdateStatus").asText()).isEqualTo("Successful");
        assertThat(written.at("/EphemeralStorage/Size").asInt()).isEqualTo(512);
        assertThat(written.has("Environment")).isFalse();
    }
}

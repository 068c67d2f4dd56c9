package dev.sluice.lambdahost;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.sluice.lambdahost.LambdaApiRouter.ApiRequest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** Parsing JSON request bodies, with Lambda's InvalidRequestContentException for what is not JSON. */
final class RequestBodies {

    private final ObjectMapper json;

    RequestBodies(ObjectMapper json) {
        this.json = json;
    }

    <T> T parse(ApiRequest request, Class<T> type) {
        byte[] body = request.body().length == 0 ? "{}".getBytes(StandardCharsets.UTF_8) : request.body();
        try {
            T parsed = json.readValue(body, type);
            if (parsed == null) {
                throw LambdaApiException.invalidRequestContent("Could not parse request body into json: null");
            }
            return parsed;
        } catch (IOException e) {
            throw LambdaApiException.invalidRequestContent("Could not parse request body into json: "
                    + firstLine(e));
        }
    }

    /**
     * Checks that an Invoke payload is JSON, as Lambda does before it runs the function; an empty payload is
     * taken as it is.
     */
    void requireJson(byte[] payload) {
        if (payload.length == 0) {
            return;
        }
        try (JsonParser parser = json.getFactory().createParser(payload)) {
            while (parser.nextToken() != null) {
                parser.skipChildren();
            }
        } catch (IOException e) {
            throw LambdaApiException.invalidRequestContent("Could not parse request body into json: Could not parse"
                    + " payload into json: " + firstLine(e));
        }
    }

    private static String firstLine(IOException e) {
        String message = e instanceof JsonProcessingException jpe ? jpe.getOriginalMessage() : e.getMessage();
        return message == null ? e.getClass().getSimpleName() : message.lines().findFirst().orElse(message);
    }
}

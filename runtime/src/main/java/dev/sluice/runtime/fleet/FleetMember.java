package dev.sluice.runtime.fleet;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;

/**
 * One worker node as the fleet knows it: its id (its advertised API URL, unique by construction) and when it joined.
 * Each node announces itself in its membership of the fleet's Kafka consumer group.
 */
public record FleetMember(@JsonProperty("id") String id, @JsonProperty("apiUrl") String apiUrl,
                          @JsonProperty("joinedAt") long joinedAt) {

    private static final ObjectMapper JSON = new ObjectMapper();

    ByteBuffer encode() {
        try {
            return ByteBuffer.wrap(JSON.writeValueAsBytes(this));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static FleetMember decode(ByteBuffer buffer) {
        if (buffer == null) {
            throw new IllegalArgumentException("no announcement");
        }
        byte[] bytes = new byte[buffer.remaining()];
        buffer.duplicate().get(bytes);
        try {
            return JSON.readValue(bytes, FleetMember.class);
        } catch (IOException e) {
            throw new UncheckedIOException("Not a fleet member's announcement: " + e.getMessage(), e);
        }
    }
}

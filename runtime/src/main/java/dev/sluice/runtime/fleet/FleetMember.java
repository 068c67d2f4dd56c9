package dev.sluice.runtime.fleet;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.nio.ByteBuffer;

/**
 * One worker node as the fleet knows it: its id (its advertised API URL, unique by construction) and when it joined.
 * Each node announces itself in its membership of the fleet's Kafka consumer group.
 */
public record FleetMember(@JsonProperty("id") String id, @JsonProperty("apiUrl") String apiUrl,
                          @JsonProperty("joinedAt") long joinedAt) {

    ByteBuffer encode() {
        return FleetJson.encode(this);
    }

    static FleetMember decode(ByteBuffer buffer) {
        return FleetJson.decode(buffer, FleetMember.class, "fleet member's announcement");
    }
}

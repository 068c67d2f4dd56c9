package dev.sluice.runtime.fleet;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.Comparator;
import java.util.List;

/**
 * The live nodes of the fleet as of one generation of its group: every node receives the same view from the
 * group's leader at each rebalance, so anything computed from it alone (such as {@link Placement}) comes out the
 * same on every node.
 *
 * @param leader  the id of the node that computed this view
 * @param members the live nodes, by id
 */
public record FleetView(@JsonProperty("leader") String leader, @JsonProperty("members") List<FleetMember> members) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public FleetView {
        members = members.stream().sorted(Comparator.comparing(FleetMember::id)).toList();
    }

    /** Before this node has joined: it alone. */
    static FleetView alone(FleetMember self) {
        return new FleetView(self.id(), List.of(self));
    }

    ByteBuffer encode() {
        try {
            return ByteBuffer.wrap(JSON.writeValueAsBytes(this));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static FleetView decode(ByteBuffer buffer) {
        byte[] bytes = new byte[buffer.remaining()];
        buffer.duplicate().get(bytes);
        try {
            return JSON.readValue(bytes, FleetView.class);
        } catch (IOException e) {
            throw new UncheckedIOException("Not a fleet view: " + e.getMessage(), e);
        }
    }
}

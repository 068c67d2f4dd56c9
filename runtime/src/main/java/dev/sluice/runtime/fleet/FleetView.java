package dev.sluice.runtime.fleet;

import com.fasterxml.jackson.annotation.JsonProperty;
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

    public FleetView {
        members = members.stream().sorted(Comparator.comparing(FleetMember::id)).toList();
    }

    /** Before this node has joined: it alone. */
    static FleetView alone(FleetMember self) {
        return new FleetView(self.id(), List.of(self));
    }

    ByteBuffer encode() {
        return FleetJson.encode(this);
    }

    static FleetView decode(ByteBuffer buffer) {
        return FleetJson.decode(buffer, FleetView.class, "fleet view");
    }
}

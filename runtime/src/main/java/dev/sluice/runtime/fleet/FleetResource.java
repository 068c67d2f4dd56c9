package dev.sluice.runtime.fleet;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/**
 * {@code GET /v1/fleet}, a Sluice addition to the MSK Connect API: the worker nodes this node sees alive in the
 * fleet (through the Kafka group they all belong to), the group generation of that view, and which node computed it.
 */
@Path("/fleet")
@Produces(MediaType.APPLICATION_JSON)
public final class FleetResource {

    /** The answer. */
    public record Fleet(String self, int generation, String viewFrom, List<Node> nodes) {
    }

    /** One live node. */
    public record Node(String id, String apiUrl, long joinedAt, boolean self) {
    }

    private final FleetMembership membership;

    public FleetResource(FleetMembership membership) {
        this.membership = membership;
    }

    @GET
    public Fleet fleet() {
        FleetMembership.Generation current = membership.current();
        String self = membership.self().id();
        return new Fleet(self, current.generation(), current.view().leader(), current.view().members().stream()
                .map(m -> new Node(m.id(), m.apiUrl(), m.joinedAt(), m.id().equals(self)))
                .toList());
    }
}

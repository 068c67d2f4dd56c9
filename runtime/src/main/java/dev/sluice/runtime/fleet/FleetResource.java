package dev.sluice.runtime.fleet;

import dev.sluice.runtime.connect.ConnectorClusters;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /v1/fleet}, a Sluice addition to the MSK Connect API: the worker nodes this node sees alive in the
 * fleet (through the Kafka group they all belong to), the group generation of that view, which node computed it, and
 * the Connect workers each node runs by the fleet's {@link Placement}.
 */
@Path("/fleet")
@Produces(MediaType.APPLICATION_JSON)
public final class FleetResource {

    /** The answer. */
    public record Fleet(String self, int generation, String viewFrom, List<Node> nodes) {
    }

    /** One live node and the connector workers it runs. */
    public record Node(String id, String apiUrl, long joinedAt, boolean self, List<Workers> workers) {
    }

    /** A node's workers of one connector, of the connector's {@code of} workers in all. */
    public record Workers(String connector, int workers, int of) {
    }

    private final FleetMembership membership;
    private final ConnectorClusters clusters;

    public FleetResource(FleetMembership membership, ConnectorClusters clusters) {
        this.membership = membership;
        this.clusters = clusters;
    }

    @GET
    public Fleet fleet() {
        FleetMembership.Generation current = membership.current();
        String self = membership.self().id();
        List<FleetMember> members = current.view().members();
        Map<String, Integer> requested = clusters.requestedWorkers();
        List<Node> nodes = new ArrayList<>();
        for (FleetMember member : members) {
            List<Workers> workers = new ArrayList<>();
            requested.forEach((connector, total) -> {
                int here = Placement.workersOn(member.id(), connector, total, members);
                if (here > 0) {
                    workers.add(new Workers(connector, here, total));
                }
            });
            nodes.add(new Node(member.id(), member.apiUrl(), member.joinedAt(), member.id().equals(self), workers));
        }
        return new Fleet(self, current.generation(), current.view().leader(), nodes);
    }
}

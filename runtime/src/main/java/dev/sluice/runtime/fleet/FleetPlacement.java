package dev.sluice.runtime.fleet;

import dev.sluice.runtime.connect.WorkerPlacement;
import java.util.List;
import java.util.Optional;

/**
 * {@link Placement} over the fleet's latest view, as this node's {@link FleetMembership} received it: the same
 * answer on every node of one generation. Before the node's first view it places nothing ({@link #settled}).
 */
public final class FleetPlacement implements WorkerPlacement {

    private final FleetMembership membership;

    public FleetPlacement(FleetMembership membership) {
        this.membership = membership;
    }

    private List<FleetMember> members() {
        return membership.current().view().members();
    }

    @Override
    public int workersHere(String connectorName, int workers) {
        return Placement.workersOn(membership.self().id(), connectorName, workers, members());
    }

    @Override
    public Optional<String> nodeFor(String connectorName, int workers) {
        List<FleetMember> nodes = Placement.nodesFor(connectorName, workers, members());
        if (nodes.stream().anyMatch(m -> m.id().equals(membership.self().id()))) {
            return Optional.empty();
        }
        return nodes.stream().findFirst().map(FleetMember::apiUrl);
    }

    @Override
    public boolean leadsHere(String connectorName, int workers) {
        return Placement.nodesFor(connectorName, Math.max(1, workers), members()).stream().findFirst()
                .map(m -> m.id().equals(membership.self().id())).orElse(false);
    }

    @Override
    public boolean settled() {
        return membership.current().generation() >= 0;
    }

    @Override
    public String explain(String connectorName, int workers) {
        FleetMembership.Generation current = membership.current();
        return Placement.explain(connectorName, workers, current.view().members()) + " (fleet generation "
                + current.generation() + ", view from " + current.view().leader() + ")";
    }

    @Override
    public void onChange(Runnable listener) {
        membership.onChange(view -> listener.run());
    }
}

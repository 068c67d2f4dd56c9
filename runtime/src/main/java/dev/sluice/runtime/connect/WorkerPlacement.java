package dev.sluice.runtime.connect;

import java.util.Optional;

/**
 * Where the Connect workers of each connector run: on this node, on others of the fleet, or both. A connector's
 * workers all join its one Connect group wherever they run, so Kafka Connect spreads its tasks over them.
 */
public interface WorkerPlacement {

    /** How many of the connector's {@code workers} workers this node runs; 0 when others run them all. */
    int workersHere(String connectorName, int workers);

    /** The API URL of another node that runs the connector's workers, when this node runs none of them. */
    Optional<String> nodeFor(String connectorName, int workers);

    /**
     * Whether this node is the first the placement names for the connector: the one node that makes its decisions
     * for the whole fleet (autoscaling).
     */
    boolean leadsHere(String connectorName, int workers);

    /** Whether this node knows the fleet yet (before it does, it places nothing). */
    boolean settled();

    /** Why the connector's workers are where they are, for the log. */
    String explain(String connectorName, int workers);

    /** Runs {@code listener} whenever the placement may have changed (a node came or went). */
    void onChange(Runnable listener);

    /** A node on its own: every worker here. */
    static WorkerPlacement alone() {
        return new WorkerPlacement() {
            @Override
            public int workersHere(String connectorName, int workers) {
                return workers;
            }

            @Override
            public Optional<String> nodeFor(String connectorName, int workers) {
                return Optional.empty();
            }

            @Override
            public boolean leadsHere(String connectorName, int workers) {
                return true;
            }

            @Override
            public boolean settled() {
                return true;
            }

            @Override
            public String explain(String connectorName, int workers) {
                return connectorName + ": " + workers + " worker(s) on this node, which runs alone";
            }

            @Override
            public void onChange(Runnable listener) {
            }
        };
    }
}

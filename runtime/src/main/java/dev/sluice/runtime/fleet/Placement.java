package dev.sluice.runtime.fleet;

import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import org.apache.kafka.common.utils.Utils;

/**
 * Where a connector's Connect workers run: on the live nodes with the highest rendezvous score for that connector
 * (a hash of node id and connector name), at most one worker a node while there are enough nodes, then round again
 * in the same order. Every node computes the same answer from the same {@link FleetView}, with nothing to
 * coordinate; when a node leaves, only the workers it ran move, and when one joins, only the workers for which it
 * now scores among the highest move to it.
 */
public final class Placement {

    private Placement() {
    }

    /**
     * The nodes that run the connector's workers, best first.
     *
     * @param connector the connector's name
     * @param workers   how many workers it asks for; more than there are nodes gives each node one or more
     */
    public static List<FleetMember> nodesFor(String connector, int workers, List<FleetMember> members) {
        return ranked(connector, members).stream().limit(Math.max(0, workers)).toList();
    }

    /** How many of the connector's workers the node {@code nodeId} runs. */
    public static int workersOn(String nodeId, String connector, int workers, List<FleetMember> members) {
        List<FleetMember> ranked = ranked(connector, members);
        int count = 0;
        for (int i = 0; i < workers && !ranked.isEmpty(); i++) {
            if (ranked.get(i % ranked.size()).id().equals(nodeId)) {
                count++;
            }
        }
        return count;
    }

    private static List<FleetMember> ranked(String connector, List<FleetMember> members) {
        return members.stream()
                .sorted(Comparator.comparingLong((FleetMember m) -> score(m.id(), connector)).reversed()
                        .thenComparing(FleetMember::id))
                .toList();
    }

    /** The node's score for the connector: 32 bits of murmur2 over both, as an unsigned number. */
    static long score(String nodeId, String connector) {
        byte[] key = (nodeId + "\u0000" + connector).getBytes(StandardCharsets.UTF_8);
        return Utils.murmur2(key) & 0xffffffffL;
    }

    /** Why the connector's workers are where they are, for the log. */
    public static String explain(String connector, int workers, List<FleetMember> members) {
        List<FleetMember> chosen = nodesFor(connector, workers, members);
        return connector + ": " + workers + " worker(s) on " + chosen.stream()
                .map(m -> m.id() + (workers > members.size() ? " x" + workersOn(m.id(), connector, workers, members)
                        : ""))
                .toList() + ", the highest rendezvous scores among " + members.size() + " live node(s)";
    }
}

package dev.sluice.runtime.fleet;

import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import org.apache.kafka.common.utils.Utils;

/**
 * Where a connector's Connect workers run: on the live nodes with the highest rendezvous score for that connector
 * (a hash of node id and connector id), at most one worker a node. Every node computes the same answer from the
 * same {@link FleetView}, with nothing to coordinate; when a node leaves, only the workers it ran move, and when one
 * joins, only the workers for which it now scores among the highest move to it.
 */
public final class Placement {

    private Placement() {
    }

    /**
     * The nodes that run the connector's workers, best first.
     *
     * @param connectorId the connector's stable id (its Connect cluster's id)
     * @param workers     how many workers it asks for; more than there are nodes gives one on each
     */
    public static List<FleetMember> nodesFor(String connectorId, int workers, List<FleetMember> members) {
        return members.stream()
                .sorted(Comparator.comparingLong((FleetMember m) -> score(m.id(), connectorId)).reversed()
                        .thenComparing(FleetMember::id))
                .limit(Math.max(0, workers))
                .toList();
    }

    /** The node's score for the connector: 32 bits of murmur2 over both ids, as an unsigned number. */
    static long score(String nodeId, String connectorId) {
        byte[] key = (nodeId + "\u0000" + connectorId).getBytes(StandardCharsets.UTF_8);
        return Utils.murmur2(key) & 0xffffffffL;
    }

    /** Why the connector's workers are where they are, for the log. */
    public static String explain(String connectorId, int workers, List<FleetMember> members) {
        List<FleetMember> chosen = nodesFor(connectorId, workers, members);
        return connectorId + ": " + chosen.size() + " of " + workers + " worker(s) on "
                + chosen.stream().map(FleetMember::id).toList() + ", the highest rendezvous scores among "
                + members.size() + " live node(s)";
    }
}

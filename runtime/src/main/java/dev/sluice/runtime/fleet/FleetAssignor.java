package dev.sluice.runtime.fleet;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import org.apache.kafka.clients.consumer.ConsumerGroupMetadata;
import org.apache.kafka.clients.consumer.ConsumerPartitionAssignor;
import org.apache.kafka.common.Cluster;
import org.apache.kafka.common.Configurable;
import org.apache.kafka.common.TopicPartition;

/**
 * The fleet group's "assignor", which assigns no work but the view: each node's consumer announces the node
 * ({@link FleetMember}) in its subscription; at each rebalance the group's leader collects every announcement into
 * one {@link FleetView} and hands it to every member, Kafka's group membership doing the liveness (a node that stops
 * heartbeating for the session timeout is left out of the next view).
 *
 * <p>Kafka makes the assignor from its class name, so a node's announcement and where its views go are given in
 * the consumer's config: {@value #MEMBER_CONFIG} (the member as JSON) and {@value #LISTENER_CONFIG} (a key of
 * {@link #listen}).
 */
public final class FleetAssignor implements ConsumerPartitionAssignor, Configurable {

    public static final String NAME = "sluice-fleet";
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(FleetAssignor.class);
    static final String MEMBER_CONFIG = "sluice.fleet.member";
    static final String LISTENER_CONFIG = "sluice.fleet.listener";

    private static final Map<String, BiConsumer<FleetView, Integer>> LISTENERS = new ConcurrentHashMap<>();

    private FleetMember self;
    private String listener;

    /** Where the views of the consumer configured with {@code key} go, with their generation. */
    static void listen(String key, BiConsumer<FleetView, Integer> views) {
        LISTENERS.put(key, views);
    }

    static void forget(String key) {
        LISTENERS.remove(key);
    }

    @Override
    public void configure(Map<String, ?> configs) {
        Object member = configs.get(MEMBER_CONFIG);
        if (member == null) {
            throw new IllegalArgumentException(MEMBER_CONFIG + " is required");
        }
        self = FleetMember.decode(java.nio.ByteBuffer.wrap(member.toString()
                .getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        listener = String.valueOf(configs.get(LISTENER_CONFIG));
    }

    @Override
    public java.nio.ByteBuffer subscriptionUserData(java.util.Set<String> topics) {
        return self.encode();
    }

    @Override
    public GroupAssignment assign(Cluster metadata, GroupSubscription groupSubscription) {
        Map<String, Subscription> subscriptions = groupSubscription.groupSubscription();
        List<FleetMember> members = new ArrayList<>();
        subscriptions.forEach((memberId, subscription) -> {
            try {
                members.add(FleetMember.decode(subscription.userData()));
            } catch (RuntimeException e) {
                // a node of another version, or not a Sluice node: leave it out rather than fail the whole view
                LOG.warn("Leaving group member {} out of the fleet: its announcement is unreadable ({})", memberId,
                        e.getMessage());
            }
        });
        FleetView view = new FleetView(self.id(), members);
        Map<String, Assignment> assignments = new HashMap<>();
        boolean first = true;
        for (Map.Entry<String, Subscription> entry : subscriptions.entrySet()) {
            // the fleet topic's one partition to one member, so that the assignment is whole; nothing reads it
            List<TopicPartition> partitions = first
                    ? entry.getValue().topics().stream().map(t -> new TopicPartition(t, 0)).toList()
                    : List.of();
            first = false;
            assignments.put(entry.getKey(), new Assignment(partitions, view.encode()));
        }
        return new GroupAssignment(assignments);
    }

    @Override
    public void onAssignment(Assignment assignment, ConsumerGroupMetadata metadata) {
        BiConsumer<FleetView, Integer> views = LISTENERS.get(listener);
        if (views != null && assignment.userData() != null) {
            views.accept(FleetView.decode(assignment.userData()), metadata.generationId());
        }
    }

    @Override
    public String name() {
        return NAME;
    }
}

package dev.sluice.runtime.fleet;

import io.dropwizard.lifecycle.Managed;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This node's membership of the fleet: a Kafka consumer in the fleet's group (classic protocol, with
 * {@link FleetAssignor}), polled by a thread of its own. The fleet is the nodes that share a connector registry
 * topic ({@link #nameFor}), so that two fleets on one Kafka cluster stay apart. Kafka's group coordinator is the only coordination: nodes
 * find each other through the brokers alone, a node that dies is out of the group after the session timeout, and
 * every member then gets the new {@link FleetView}.
 */
public final class FleetMembership implements Managed {

    private static final String DEFAULT_REGISTRY = "__sluice_connectors";
    private static final String DEFAULT_NAME = "__sluice_fleet";
    private static final Logger log = LoggerFactory.getLogger(FleetMembership.class);

    private final FleetMember self;
    private final String name;
    private final Map<String, Object> clientProps;
    private final Admin admin;
    private final Duration sessionTimeout;
    private final String listenerKey = UUID.randomUUID().toString();
    private final AtomicReference<Generation> current = new AtomicReference<>();
    private final List<Consumer<FleetView>> listeners = new CopyOnWriteArrayList<>();
    private KafkaConsumer<byte[], byte[]> consumer;
    private Thread poller;
    private volatile boolean running;

    /** A view and the group generation it came with. */
    public record Generation(int generation, FleetView view) {
    }

    /**
     * @param self           this node
     * @param name           the fleet's group and topic ({@link #nameFor})
     * @param clientProps    how to reach the Kafka cluster ({@code bootstrap.servers} and security settings)
     * @param admin          the node's admin client, which creates the fleet's topic
     * @param sessionTimeout how long a silent node stays in the view
     */
    public FleetMembership(FleetMember self, String name, Map<String, Object> clientProps, Admin admin,
                           Duration sessionTimeout) {
        this.self = self;
        this.name = name;
        this.clientProps = Map.copyOf(clientProps);
        this.admin = admin;
        this.sessionTimeout = sessionTimeout;
        current.set(new Generation(-1, FleetView.alone(self)));
    }

    /**
     * The group and topic of the fleet of nodes sharing {@code registryTopic}: {@code __sluice_fleet} for the default
     * {@code __sluice_connectors}, {@code __sluice_fleet_x} for {@code __sluice_connectors_x}, else the registry
     * topic's name with {@code _fleet}.
     */
    public static String nameFor(String registryTopic) {
        return registryTopic.startsWith(DEFAULT_REGISTRY)
                ? DEFAULT_NAME + registryTopic.substring(DEFAULT_REGISTRY.length())
                : registryTopic + "_fleet";
    }

    public FleetMember self() {
        return self;
    }

    /** The latest view; before the first rebalance, this node alone at generation -1. */
    public Generation current() {
        return current.get();
    }

    /** Called with each new view, on the membership's thread. */
    public void onChange(Consumer<FleetView> listener) {
        listeners.add(listener);
    }

    @Override
    public void start() throws ExecutionException, InterruptedException {
        ensureTopic();
        FleetAssignor.listen(listenerKey, this::received);
        Map<String, Object> props = new HashMap<>(clientProps);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, name);
        props.put(ConsumerConfig.GROUP_PROTOCOL_CONFIG, "classic");
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "sluice-fleet-" + self.id());
        props.put(ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG, FleetAssignor.class.getName());
        props.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, (int) sessionTimeout.toMillis());
        props.put(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, (int) Math.max(100, sessionTimeout.toMillis() / 3));
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(FleetAssignor.MEMBER_CONFIG, new String(self.encode().array(),
                java.nio.charset.StandardCharsets.UTF_8));
        props.put(FleetAssignor.LISTENER_CONFIG, listenerKey);
        consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        consumer.subscribe(List.of(name));
        running = true;
        poller = new Thread(this::pollLoop, "sluice-fleet-membership");
        poller.setDaemon(true);
        poller.start();
    }

    private void ensureTopic() throws ExecutionException, InterruptedException {
        try {
            admin.createTopics(List.of(new NewTopic(name, Optional.of(1), Optional.empty()))).all().get();
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e;
            }
        }
    }

    private void pollLoop() {
        try {
            while (running) {
                consumer.poll(Duration.ofSeconds(1));
            }
        } catch (WakeupException e) {
            // stopping
        } catch (RuntimeException e) {
            log.error("The fleet membership of node {} failed; the node is out of the fleet", self.id(), e);
        } finally {
            // out of the group: this node no longer knows who else is alive
            current.set(new Generation(-1, FleetView.alone(self)));
            consumer.close(Duration.ofSeconds(5));
        }
    }

    private void received(FleetView view, int generation) {
        Generation before = current.getAndSet(new Generation(generation, view));
        log.info("Fleet generation {}: {} live node(s) {}, view from {}{}", generation, view.members().size(),
                view.members().stream().map(FleetMember::id).toList(), view.leader(),
                before.view().members().equals(view.members()) ? " (unchanged)" : "");
        for (Consumer<FleetView> listener : listeners) {
            try {
                listener.accept(view);
            } catch (RuntimeException e) {
                log.error("A listener of the fleet's view failed", e);
            }
        }
    }

    @Override
    public void stop() throws InterruptedException {
        running = false;
        if (consumer != null) {
            consumer.wakeup();
        }
        if (poller != null) {
            poller.join(Duration.ofSeconds(10).toMillis());
        }
        FleetAssignor.forget(listenerKey);
    }
}

package dev.sluice.runtime.broker;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.apache.kafka.common.security.auth.SecurityProtocol;

/**
 * What one Apache Kafka node in KRaft mode needs: its identity, roles, listeners, the static controller quorum
 * and where its data lives. Everything else is passed through to Kafka as {@code extraProperties}.
 *
 * @param nodeId                 Kafka's {@code node.id}
 * @param roles                  Kafka's {@code process.roles}
 * @param listeners              Kafka's {@code listeners}; the ones named in {@code controller.listener.names}
 *                               (default {@value #DEFAULT_CONTROLLER_LISTENER}) serve the controller quorum
 * @param advertisedHost         host that clients are told to connect to for the broker listeners, or null to
 *                               leave {@code advertised.listeners} to Kafka (or to {@code extraProperties})
 * @param controllerQuorumVoters Kafka's {@code controller.quorum.voters}, e.g. {@code 1@10.0.0.1:9093,...}
 * @param logDirs                Kafka's {@code log.dirs}; the first also holds the metadata log unless
 *                               {@code metadata.log.dir} says otherwise
 * @param clusterId              the cluster id written to {@code meta.properties} when the node's storage is
 *                               formatted on first start, or null to generate one (single-voter quorums only);
 *                               ignored once the storage is formatted
 * @param extraProperties        any other Kafka server property
 */
public record KraftNodeSettings(
        int nodeId,
        Set<Role> roles,
        List<Listener> listeners,
        String advertisedHost,
        String controllerQuorumVoters,
        List<Path> logDirs,
        String clusterId,
        Map<String, String> extraProperties) {

    /** Not a Kafka server property: the id to format storage with on first start (see {@link #clusterId}). */
    public static final String CLUSTER_ID_CONFIG = "cluster.id";
    public static final String DEFAULT_CONTROLLER_LISTENER = "CONTROLLER";

    private static final String NODE_ID = "node.id";
    private static final String PROCESS_ROLES = "process.roles";
    private static final String LISTENERS = "listeners";
    private static final String ADVERTISED_LISTENERS = "advertised.listeners";
    private static final String QUORUM_VOTERS = "controller.quorum.voters";
    private static final String LOG_DIRS = "log.dirs";
    private static final String LOG_DIR = "log.dir";
    private static final String CONTROLLER_LISTENER_NAMES = "controller.listener.names";
    private static final String SECURITY_PROTOCOL_MAP = "listener.security.protocol.map";
    private static final String INTER_BROKER_LISTENER = "inter.broker.listener.name";
    private static final String INTER_BROKER_PROTOCOL = "security.inter.broker.protocol";

    /** Keys that have a field of their own and so may not appear among the extra properties. */
    private static final Set<String> FIELD_KEYS =
            Set.of(NODE_ID, PROCESS_ROLES, LISTENERS, QUORUM_VOTERS, LOG_DIRS, LOG_DIR, CLUSTER_ID_CONFIG);

    private static final Pattern VOTER = Pattern.compile("(\\d+)@(.+):(\\d+)");

    public enum Role {
        BROKER, CONTROLLER;

        String configValue() {
            return name().toLowerCase(Locale.ROOT);
        }

        static Role parse(String value) {
            return switch (value.trim().toLowerCase(Locale.ROOT)) {
                case "broker" -> BROKER;
                case "controller" -> CONTROLLER;
                default -> throw new IllegalArgumentException(
                        PROCESS_ROLES + " has unknown role '" + value.trim() + "' (expected broker, controller)");
            };
        }
    }

    /**
     * One entry of Kafka's {@code listeners}: {@code NAME://host:port}. An empty host means all interfaces.
     */
    public record Listener(String name, String host, int port) {

        private static final Pattern SYNTAX = Pattern.compile("([A-Za-z0-9_]+)://(\\[[^]]*]|[^:/\\[\\]]*):(\\d+)");

        public Listener {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("listener name must not be blank");
            }
            name = name.toUpperCase(Locale.ROOT);
            host = host == null ? "" : host;
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException("listener " + name + " has port " + port
                        + "; use a fixed port in 1..65535 (the static controller quorum and clients need to know it"
                        + " in advance; Ports.freePorts picks free ones)");
            }
        }

        public static List<Listener> parseAll(String value) {
            var listeners = new ArrayList<Listener>();
            for (var entry : value.split(",")) {
                var matcher = SYNTAX.matcher(entry.trim());
                if (!matcher.matches()) {
                    throw new IllegalArgumentException("listener '" + entry.trim() + "' is not NAME://host:port");
                }
                var host = matcher.group(2).replace("[", "").replace("]", "");
                listeners.add(new Listener(matcher.group(1), host, Integer.parseInt(matcher.group(3))));
            }
            return listeners;
        }

        @Override
        public String toString() {
            var hostPart = host.contains(":") ? "[" + host + "]" : host;
            return name + "://" + hostPart + ":" + port;
        }
    }

    public KraftNodeSettings {
        roles = roles == null || roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
        listeners = listeners == null ? List.of() : List.copyOf(listeners);
        logDirs = logDirs == null ? List.of() : List.copyOf(logDirs);
        extraProperties = extraProperties == null ? Map.of() : Map.copyOf(extraProperties);

        var problems = new ArrayList<String>();
        if (nodeId < 0) {
            problems.add(NODE_ID + " must be >= 0, was " + nodeId);
        }
        if (roles.isEmpty()) {
            problems.add(PROCESS_ROLES + " must name broker, controller or both");
        }
        var controllerNames = controllerListenerNames(extraProperties);
        if (roles.contains(Role.CONTROLLER)
                && listeners.stream().noneMatch(l -> controllerNames.contains(l.name()))) {
            problems.add("a controller needs a listener named " + String.join(" or ", controllerNames));
        }
        if (roles.contains(Role.BROKER) && listeners.stream().allMatch(l -> controllerNames.contains(l.name()))) {
            problems.add("a broker needs a listener other than " + String.join(", ", controllerNames));
        }
        if (controllerQuorumVoters == null || controllerQuorumVoters.isBlank()) {
            problems.add(QUORUM_VOTERS + " is required (Sluice runs a static controller quorum)");
        }
        if (logDirs.isEmpty()) {
            problems.add(LOG_DIRS + " must name at least one directory");
        }
        if (clusterId != null && clusterId.isBlank()) {
            problems.add(CLUSTER_ID_CONFIG + " must not be blank");
        }
        extraProperties.keySet().stream().filter(FIELD_KEYS::contains).sorted()
                .forEach(key -> problems.add(key + " has a field of its own; do not pass it as an extra property"));
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("invalid settings for KRaft node " + nodeId + ": "
                    + String.join("; ", problems));
        }
    }

    /**
     * Reads a standard Kafka {@code server.properties}, plus Sluice's optional {@value #CLUSTER_ID_CONFIG}.
     * {@code advertised.listeners} and every other key are passed through unchanged.
     */
    public static KraftNodeSettings fromServerProperties(Map<String, String> properties) {
        var extras = new LinkedHashMap<>(properties);
        FIELD_KEYS.forEach(extras::remove);
        var problems = new ArrayList<String>();

        int nodeId = -1;
        try {
            nodeId = Integer.parseInt(required(properties, NODE_ID).trim());
        } catch (IllegalArgumentException e) {
            problems.add(e instanceof NumberFormatException ? NODE_ID + " must be an integer" : e.getMessage());
        }
        Set<Role> roles = Set.of();
        try {
            roles = Arrays.stream(required(properties, PROCESS_ROLES).split(","))
                    .map(Role::parse).collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class)));
        } catch (IllegalArgumentException e) {
            problems.add(e.getMessage());
        }
        List<Listener> listeners = List.of();
        try {
            listeners = Listener.parseAll(required(properties, LISTENERS));
        } catch (IllegalArgumentException e) {
            problems.add(e.getMessage());
        }
        var voters = properties.get(QUORUM_VOTERS);
        if (voters == null || voters.isBlank()) {
            problems.add(QUORUM_VOTERS + " is required: sluice broker runs a static controller quorum"
                    + " (controller.quorum.bootstrap.servers and dynamic quorums are not supported)");
        }
        var logDirs = properties.getOrDefault(LOG_DIRS, properties.get(LOG_DIR));
        if (logDirs == null || logDirs.isBlank()) {
            problems.add(LOG_DIRS + " is required");
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
        var dirs = Arrays.stream(logDirs.split(",")).map(String::trim).filter(s -> !s.isEmpty()).map(Path::of)
                .toList();
        return new KraftNodeSettings(nodeId, roles, listeners, null, voters.trim(), dirs,
                properties.get(CLUSTER_ID_CONFIG), extras);
    }

    private static String required(Map<String, String> properties, String key) {
        var value = properties.get(key);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(key + " is required");
        }
        return value;
    }

    public Set<String> controllerListenerNames() {
        return controllerListenerNames(extraProperties);
    }

    private static Set<String> controllerListenerNames(Map<String, String> extraProperties) {
        var configured = extraProperties.getOrDefault(CONTROLLER_LISTENER_NAMES, DEFAULT_CONTROLLER_LISTENER);
        return Arrays.stream(configured.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .map(s -> s.toUpperCase(Locale.ROOT)).collect(Collectors.toCollection(LinkedHashSet::new));
    }

    /** The listeners that serve clients and other brokers, in configuration order. */
    public List<Listener> brokerListeners() {
        var controllerNames = controllerListenerNames();
        return listeners.stream().filter(l -> !controllerNames.contains(l.name())).toList();
    }

    /** True when the quorum has exactly one voter and it is this node, so a fresh cluster id cannot clash. */
    public boolean isSoleVoter() {
        var voters = controllerQuorumVoters.split(",");
        if (voters.length != 1) {
            return false;
        }
        var matcher = VOTER.matcher(voters[0].trim());
        return matcher.matches() && Integer.parseInt(matcher.group(1)) == nodeId;
    }

    /** The Kafka server properties of this node. */
    public Map<String, String> serverProperties() {
        var props = new LinkedHashMap<String, String>();
        props.put(NODE_ID, Integer.toString(nodeId));
        props.put(PROCESS_ROLES, roles.stream().sorted().map(Role::configValue).collect(Collectors.joining(",")));
        props.put(LISTENERS, join(listeners));
        props.put(CONTROLLER_LISTENER_NAMES, String.join(",", controllerListenerNames()));
        props.put(SECURITY_PROTOCOL_MAP, securityProtocolMap());
        props.put(QUORUM_VOTERS, controllerQuorumVoters);
        props.put(LOG_DIRS, logDirs.stream().map(p -> p.toAbsolutePath().toString()).collect(Collectors.joining(",")));
        if (roles.contains(Role.BROKER)) {
            if (!extraProperties.containsKey(INTER_BROKER_PROTOCOL)) {
                props.put(INTER_BROKER_LISTENER, brokerListeners().get(0).name());
            }
            if (advertisedHost != null) {
                props.put(ADVERTISED_LISTENERS, join(brokerListeners().stream()
                        .map(l -> new Listener(l.name(), advertisedHost, l.port())).toList()));
            }
        }
        props.putAll(extraProperties);
        return props;
    }

    /** Maps every listener that is not named after a security protocol to PLAINTEXT, as Kafka's own examples do. */
    private String securityProtocolMap() {
        var names = new LinkedHashSet<String>();
        listeners.forEach(l -> names.add(l.name()));
        names.addAll(controllerListenerNames());
        var protocols = SecurityProtocol.names();
        return names.stream()
                .map(name -> name + ":" + (protocols.contains(name) ? name : SecurityProtocol.PLAINTEXT.name))
                .collect(Collectors.joining(","));
    }

    private static String join(List<Listener> listeners) {
        return listeners.stream().map(Listener::toString).collect(Collectors.joining(","));
    }
}

package dev.sluice.runtime.dev;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import dev.sluice.runtime.PortCheck;
import dev.sluice.runtime.StartupException;
import dev.sluice.runtime.config.SluiceConfiguration;
import io.dropwizard.jackson.Jackson;
import io.dropwizard.lifecycle.Managed;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

/**
 * {@code sluice dev --nodes N}: worker nodes 2..N, each a {@code sluice server} child process with a config of its own
 * under {@code <state dir>/nodes/}. They share node 1's Kafka, plugins, registry and control-plane topics (so the
 * nodes form one fleet) and AWS stand-ins. Registered after the stack and node 1, so they stop first, while the
 * brokers they commit offsets to are still up.
 *
 * <p>Ports: node k listens on node 1's ports plus 100·(k-1): API 8183, 8283, ... 8883 and admin 8184, ... 8884, clear
 * of the stand-ins' defaults (8000, 9001, 9090, 5432) and of the brokers' (9092 and up).
 */
public final class DevNodes implements Managed {

    public static final int MAX_NODES = 9;
    static final int PORT_STEP = 100;
    private static final long STOP_TIMEOUT_SECONDS = 30;
    private static final int LOG_TAIL_LINES = 20;

    /** Worker node {@code number} (2..9) of the dev stack and its ports. */
    public record Node(int number, int apiPort, int adminPort) {

        String name() {
            return "node-" + number;
        }

        public String apiUrl() {
            return "http://localhost:" + apiPort;
        }

        String advertisedUrl() {
            return "http://127.0.0.1:" + apiPort + "/";
        }
    }

    private final Path dir;
    private final List<Node> nodes;
    private final List<Process> processes = new ArrayList<>(); // in the order of nodes
    private volatile boolean stopping;

    /** Nodes 2..{@code count} ({@code count} counts node 1, the dev command's own), their files in {@code dir}. */
    public DevNodes(Path dir, int count) {
        this.dir = dir;
        this.nodes = plan(count);
    }

    static List<Node> plan(int count) {
        if (count < 1 || count > MAX_NODES) {
            throw new IllegalArgumentException("--nodes must be 1.." + MAX_NODES + ", not " + count);
        }
        return IntStream.rangeClosed(2, count).mapToObj(k -> new Node(k,
                SluiceConfiguration.DEFAULT_API_PORT + PORT_STEP * (k - 1),
                SluiceConfiguration.DEFAULT_ADMIN_PORT + PORT_STEP * (k - 1))).toList();
    }

    public List<Node> nodes() {
        return nodes;
    }

    /** Fails in one line when a node's port is taken, or is one given to a stand-in ({@code --s3-port 8183}). */
    public void requireFree(Collection<Integer> standInPorts) {
        for (Node node : nodes) {
            for (int port : List.of(node.apiPort(), node.adminPort())) {
                if (standInPorts.contains(port)) {
                    throw new StartupException("port " + port + " is both a stand-in's and " + node.name()
                            + "'s; move the stand-in");
                }
                PortCheck.requireFree("127.0.0.1", port);
            }
        }
    }

    /** Writes each node's config: node 1's Kafka, Connect and AWS settings, with its own URL, ports and folder. */
    public void writeConfigs(SluiceConfiguration node1) {
        if (nodes.isEmpty()) {
            return;
        }
        try {
            Files.createDirectories(dir);
            for (Node node : nodes) {
                Files.writeString(configFile(node), configYaml(node, node1, dir.resolve(node.name())));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the nodes' configs in " + dir, e);
        }
    }

    static String configYaml(Node node, SluiceConfiguration node1, Path nodeDir) {
        ObjectMapper yaml = Jackson.newObjectMapper(new YAMLFactory()
                .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER));
        ObjectNode root = yaml.createObjectNode();
        root.set("kafka", yaml.valueToTree(node1.getKafka()));
        ObjectNode connect = yaml.valueToTree(node1.getConnect());
        connect.put("advertisedUrl", node.advertisedUrl());
        connect.put("customPluginDir", nodeDir.resolve("custom-plugins").toAbsolutePath().toString());
        root.set("connect", connect);
        root.set("aws", yaml.valueToTree(node1.getAws()));
        ObjectNode server = root.putObject("server");
        server.putArray("applicationConnectors").add(connector(yaml, node.apiPort()));
        server.putArray("adminConnectors").add(connector(yaml, node.adminPort()));
        try {
            return "# written by `sluice dev --nodes`; rewritten on every start\n" + yaml.writeValueAsString(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ObjectNode connector(ObjectMapper yaml, int port) {
        return yaml.createObjectNode().put("type", "http").put("bindHost", "127.0.0.1").put("port", port);
    }

    Path configFile(Node node) {
        return dir.resolve(node.name() + ".yml");
    }

    Path logFile(Node node) {
        return dir.resolve(node.name() + ".log");
    }

    /** {@code java -Xmx1g -Dsluice.*=... -cp <this JVM's classpath> ...SluiceApplication server node-k.yml}. */
    List<String> command(Node node) {
        List<String> command = new ArrayList<>(List.of(
                Paths.get(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx1g"));
        System.getProperties().stringPropertyNames().stream().filter(name -> name.startsWith("sluice.")).sorted()
                .forEach(name -> command.add("-D" + name + "=" + System.getProperty(name)));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "dev.sluice.runtime.SluiceApplication",
                "server", configFile(node).toString()));
        return command;
    }

    @Override
    public synchronized void start() throws IOException {
        if (nodes.isEmpty()) {
            return;
        }
        // Ctrl-C reaches the children too (one process group) and they exit at once: not an early exit to report.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stopping = true, "sluice-dev-nodes-stopping"));
        try {
            for (Node node : nodes) {
                Process process = new ProcessBuilder(command(node))
                        .redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.to(logFile(node).toFile()))
                        .start();
                processes.add(process);
                process.onExit().thenAccept(exited -> reportExit(node, exited));
            }
        } catch (IOException | RuntimeException e) {
            stop(); // the nodes started so far would outlive this process
            throw e;
        }
        List<Process> started = List.copyOf(processes);
        Thread watcher = new Thread(() -> reportWhenUp(started), "sluice-dev-nodes-watcher");
        watcher.setDaemon(true);
        watcher.start();
    }

    private void reportExit(Node node, Process process) {
        if (stopping) {
            return;
        }
        StringBuilder out = new StringBuilder(String.format("  sluice: %s exited with code %d; the end of %s:%n",
                node.name(), process.exitValue(), logFile(node)));
        tail(logFile(node)).forEach(line -> out.append("    ").append(line).append('\n'));
        System.out.print(out);
    }

    private static List<String> tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return lines.subList(Math.max(0, lines.size() - LOG_TAIL_LINES), lines.size());
        } catch (IOException e) {
            return List.of("(cannot read it: " + e.getMessage() + ")");
        }
    }

    /** The banner is printed while nodes 2..N still start: say when each answers. */
    private void reportWhenUp(List<Process> started) {
        List<Integer> waiting = new ArrayList<>(IntStream.range(0, nodes.size()).boxed().toList());
        while (!waiting.isEmpty() && !stopping) {
            waiting.removeIf(i -> !started.get(i).isAlive());
            for (var it = waiting.iterator(); it.hasNext(); ) {
                Node node = nodes.get(it.next());
                if (StandInProcess.answers(node.apiUrl())) {
                    System.out.println("  sluice: " + node.name() + " is up, API " + node.apiUrl());
                    it.remove();
                }
            }
            try {
                TimeUnit.SECONDS.sleep(1);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** SIGTERM to every node at once, then {@code kill -9} to those still running after 30 s. */
    @Override
    public synchronized void stop() {
        stopping = true;
        processes.forEach(Process::destroy);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(STOP_TIMEOUT_SECONDS);
        try {
            for (Process process : processes) {
                process.waitFor(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            for (Process process : processes) {
                if (process.isAlive()) {
                    process.destroyForcibly();
                }
            }
            processes.clear();
        }
    }

    /** The API URLs of all nodes, node 1's ({@code node1Api}) first. */
    public List<String> apiUrls(String node1Api) {
        List<String> urls = new ArrayList<>(List.of(node1Api));
        nodes.forEach(node -> urls.add(node.apiUrl()));
        return urls;
    }

    /** Where the nodes' configs and logs are. */
    public Path dir() {
        return dir;
    }
}

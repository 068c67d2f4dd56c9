package dev.sluice.secretsmanager;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A local stand-in for AWS Secrets Manager: its JSON API (awsJson 1.1, {@code X-Amz-Target: secretsmanager.<Op>}) on
 * loopback, for the AWS SDK's {@code SecretsManagerClient} and {@code aws secretsmanager ... --endpoint-url}. It
 * answers the operations of {@link SecretsManagerApi}, keeps secrets in a file under its data folder (or in memory
 * when it has none), and checks no signature: any credentials do.
 */
public final class LocalSecretsManager implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LocalSecretsManager.class);
    private static final String TARGET_PREFIX = "secretsmanager.";
    private static final String CONTENT_TYPE = "application/x-amz-json-1.1";
    /** Far more than the largest request (a 64 KiB secret, base64, with its members). */
    private static final int MAX_REQUEST_BYTES = 1024 * 1024;

    private final ObjectMapper json = new ObjectMapper();
    private final SecretStore store;
    private final SecretsManagerApi api;
    private int port;
    private HttpServer server;
    private ExecutorService executor;

    /**
     * @param port    the port on 127.0.0.1, or 0 for any free one
     * @param dataDir where the secrets are kept, or null to keep them in memory only
     */
    public LocalSecretsManager(int port, Path dataDir, String region, String accountId) {
        this(port, dataDir, region, accountId, Clock.systemUTC());
    }

    LocalSecretsManager(int port, Path dataDir, String region, String accountId, Clock clock) {
        this.port = port;
        this.store = new SecretStore(region, accountId, dataDir == null ? null : dataDir.resolve("secrets.json"),
                json, clock);
        this.api = new SecretsManagerApi(store);
    }

    /** Loads the kept secrets and starts serving. @throws UncheckedIOException when the port is taken */
    public synchronized void start() {
        if (server != null) {
            return;
        }
        store.load();
        try {
            if (System.getProperty("sun.net.httpserver.nodelay") == null) {
                System.setProperty("sun.net.httpserver.nodelay", "true"); // answers go out without Nagle's delay
            }
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the local Secrets Manager on port " + port, e);
        }
        port = server.getAddress().getPort();
        executor = Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "secrets-manager-api");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
        log.info("Local Secrets Manager listening on {}", endpoint());
    }

    /** {@code http://127.0.0.1:<port>}, the endpoint to give AWS clients. */
    public String endpoint() {
        return "http://127.0.0.1:" + port;
    }

    private void handle(HttpExchange exchange) throws IOException {
        String requestId = UUID.randomUUID().toString();
        int status;
        Map<String, Object> body;
        try {
            String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
            if (!"POST".equals(exchange.getRequestMethod()) || target == null || !target.startsWith(TARGET_PREFIX)) {
                throw SecretsManagerException.unknownOperation(target == null ? exchange.getRequestMethod() + " "
                        + exchange.getRequestURI() + " without X-Amz-Target" : target);
            }
            body = api.call(target.substring(TARGET_PREFIX.length()), read(exchange));
            status = 200;
        } catch (SecretsManagerException e) {
            status = e.status();
            body = Map.of("__type", e.type(), "Message", e.getMessage());
        } catch (RuntimeException e) {
            log.warn("Secrets Manager request failed", e);
            status = 500;
            body = Map.of("__type", "InternalServiceError", "Message", String.valueOf(e.getMessage()));
        }
        byte[] out = json.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", CONTENT_TYPE);
        exchange.getResponseHeaders().set("x-amzn-RequestId", requestId);
        exchange.sendResponseHeaders(status, out.length);
        try (OutputStream stream = exchange.getResponseBody()) {
            stream.write(out);
        }
    }

    private JsonNode read(HttpExchange exchange) throws IOException {
        byte[] bytes;
        try (InputStream in = exchange.getRequestBody()) {
            bytes = in.readNBytes(MAX_REQUEST_BYTES + 1);
        }
        if (bytes.length > MAX_REQUEST_BYTES) {
            throw SecretsManagerException.validation("The request is larger than " + MAX_REQUEST_BYTES + " bytes");
        }
        if (bytes.length == 0) {
            return json.createObjectNode();
        }
        try {
            JsonNode node = json.readTree(bytes);
            if (node == null || !node.isObject()) {
                throw SecretsManagerException.validation("The request body is not a JSON object");
            }
            return node;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw SecretsManagerException.validation("The request body is not JSON: " + e.getOriginalMessage());
        }
    }

    @Override
    public synchronized void close() {
        if (server != null) {
            server.stop(0);
            server = null;
        }
        if (executor != null) {
            executor.shutdownNow();
            executor = null;
        }
    }
}

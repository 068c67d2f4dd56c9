package dev.sluice.lambdahost;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Map;

/** Reading request bodies within a limit and sending responses, for both of the host's HTTP servers. */
final class HttpExchanges {

    static final String JSON = "application/json";
    private static final String NO_DELAY = "sun.net.httpserver.nodelay";

    private HttpExchanges() {
    }

    /**
     * A server on {@code port} of the loopback address (0 for any free port) whose answers go out at once. The JDK's
     * server leaves Nagle's algorithm on unless {@value #NO_DELAY} is set before the JVM's first server: an answer
     * written in two parts (headers, then body) then waits for the client's delayed ACK, 40 ms on Linux, on every
     * call; the benchmark measured invokes at half their rate that way. A value set by the user is kept.
     */
    static HttpServer loopbackServer(int port) throws IOException {
        if (System.getProperty(NO_DELAY) == null) {
            System.setProperty(NO_DELAY, "true");
        }
        return HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
    }

    /**
     * A request body: its bytes up to the limit it was read with, and its whole size.
     *
     * @param bytes the body, or its first {@code limit} bytes when it is larger
     */
    record Body(byte[] bytes, long size) {
        boolean larger(long limit) {
            return size > limit;
        }
    }

    /**
     * Reads the whole body, keeping at most {@code limit + 1} bytes: the rest is read and dropped, so that the
     * client, which sends all of it before reading the answer, gets the answer.
     */
    static Body read(HttpExchange exchange, long limit) throws IOException {
        ByteArrayOutputStream kept = new ByteArrayOutputStream();
        long size = 0;
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = exchange.getRequestBody()) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                int keep = (int) Math.max(0, Math.min(n, limit + 1 - size));
                kept.write(buffer, 0, keep);
                size += n;
            }
        }
        return new Body(kept.toByteArray(), size);
    }

    /** Sends the response, {@code application/json} unless the headers name another type; no body when null. */
    static void send(HttpExchange exchange, int status, byte[] body, Map<String, String> headers) throws IOException {
        headers.forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
        if (body == null || status == 204) {
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
            return;
        }
        if (!exchange.getResponseHeaders().containsKey("Content-Type")) {
            exchange.getResponseHeaders().set("Content-Type", JSON);
        }
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}

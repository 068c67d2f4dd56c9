package dev.sluice.testkit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.regions.Region;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A stand-in for RDS's IAM database authentication in front of the MySQL stand-in, speaking the MySQL protocol as RDS
 * does to a user {@code IDENTIFIED WITH AWSAuthenticationPlugin}: it offers TLS, refuses a client that does not take
 * it, switches the signing-in client to {@code mysql_clear_password}, and takes the password it sends as an RDS IAM
 * token ({@link RdsIamTokenCheck}). Only a valid token gets the client through: the gateway then signs in to the
 * server with the user's real password, which only it knows, and relays the session.
 */
final class MySqlIamGateway implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(MySqlIamGateway.class);

    private static final int CLIENT_CONNECT_WITH_DB = 0x8;
    private static final int CLIENT_SSL = 0x800;
    private static final int CLIENT_SECURE_CONNECTION = 0x8000;
    private static final int CLIENT_PLUGIN_AUTH = 0x80000;
    private static final int CLIENT_CONNECT_ATTRS = 0x100000;
    private static final int CLIENT_PLUGIN_AUTH_LENENC = 0x200000;
    private static final int ER_ACCESS_DENIED = 1045;

    private final int serverPort;
    private final String password;
    private final SSLContext tls;
    private final RdsIamTokenCheck check;
    private final LoopbackListener listener;
    private final AtomicInteger accepted = new AtomicInteger();
    private final AtomicInteger refused = new AtomicInteger();
    private final AtomicReference<String> lastRefusal = new AtomicReference<>("none");
    private final Set<String> tokens = ConcurrentHashMap.newKeySet();
    private final Set<Socket> clients = ConcurrentHashMap.newKeySet();

    /**
     * @param serverPort  the MySQL server's port on loopback
     * @param user        the user that signs in with tokens
     * @param password    that user's real password, which only the gateway knows
     * @param credentials the key whose tokens are accepted
     * @param tls         the gateway's TLS identity
     */
    MySqlIamGateway(int serverPort, String user, String password, AwsCredentials credentials, Region region,
                    SSLContext tls) throws IOException {
        this.serverPort = serverPort;
        this.password = password;
        this.tls = tls;
        this.listener = new LoopbackListener("mysql-iam-gateway", this::relay);
        this.check = new RdsIamTokenCheck("127.0.0.1", listener.port(), user, credentials, region);
    }

    int port() {
        return listener.port();
    }

    /** Connections whose token passed the check. */
    int accepted() {
        return accepted.get();
    }

    /** Connections refused for their token or for not taking TLS. */
    int refused() {
        return refused.get();
    }

    /** The different tokens accepted so far. */
    int distinctTokens() {
        return tokens.size();
    }

    /** Drops every client connection, as a network fault would. */
    void dropConnections() throws IOException {
        for (Socket client : clients) {
            client.close();
        }
    }

    /** Why the last refused connection was refused, for assertion messages. */
    String lastRefusal() {
        return lastRefusal.get();
    }

    private void relay(Socket client) {
        clients.add(client);
        try (client; Socket server = new Socket(InetAddress.getLoopbackAddress(), serverPort)) {
            // unbuffered: a client sends its TLS handshake right after the TLS request, and none of it may be read here
            var fromClient = new DataInputStream(client.getInputStream());
            var fromServer = new DataInputStream(server.getInputStream());
            Packet greeting = Packet.read(fromServer);
            byte[] scramble = scramble(greeting.payload);
            byte[] offered = greeting.payload.clone();
            int capabilitiesAt = capabilitiesOffset(offered);
            offered[capabilitiesAt + 1] |= (byte) (CLIENT_SSL >> 8);
            Packet.write(client.getOutputStream(), 0, offered);

            Packet tlsRequest = Packet.read(fromClient);
            if (tlsRequest.payload.length != 32 || (int32(tlsRequest.payload, 0) & CLIENT_SSL) == 0) {
                lastRefusal.set("a client that did not ask for TLS");
                refuse(client.getOutputStream(), tlsRequest.sequence + 1,
                        "Access denied: IAM authentication needs TLS");
                return;
            }
            SSLSocket secure = (SSLSocket) tls.getSocketFactory().createSocket(client, null, false);
            secure.setUseClientMode(false);
            secure.startHandshake();
            var fromSecure = new DataInputStream(secure.getInputStream());
            OutputStream toSecure = secure.getOutputStream();

            Packet response = Packet.read(fromSecure);
            HandshakeResponse signIn = HandshakeResponse.parse(response.payload);
            byte[] authSwitch = concat(new byte[] {(byte) 0xfe},
                    "mysql_clear_password\0".getBytes(StandardCharsets.US_ASCII), scramble, new byte[] {0});
            Packet.write(toSecure, response.sequence + 1, authSwitch);
            Packet sent = Packet.read(fromSecure);
            int length = sent.payload.length > 0 && sent.payload[sent.payload.length - 1] == 0
                    ? sent.payload.length - 1 : sent.payload.length;
            String token = new String(sent.payload, 0, length, StandardCharsets.UTF_8);
            if (!check.valid(token, signIn.user)) {
                lastRefusal.set("user " + signIn.user + " sent " + (token.length() > 60
                        ? token.substring(0, 60) + "..." : "'" + token + "'"));
                refuse(toSecure, sent.sequence + 1,
                        "Access denied for user '" + signIn.user + "'@'127.0.0.1' (using password: YES)");
                return;
            }
            int number = accepted.incrementAndGet();
            tokens.add(token);
            log.info("Gateway: sign-in {} of {} accepted", number, signIn.user);

            Packet.write(server.getOutputStream(), 1, signIn.withNativePassword(password, scramble));
            Packet result = Packet.read(fromServer);
            Packet.write(toSecure, sent.sequence + 1, result.payload);
            if (result.payload[0] != 0) {
                lastRefusal.set("the server refused the gateway's sign-in as " + signIn.user + ": "
                        + new String(result.payload, 1, result.payload.length - 1, StandardCharsets.UTF_8));
                return;
            }
            Thread back = new Thread(() -> RdsIamGateway.pipe(server, secure), "mysql-iam-gateway-back");
            back.setDaemon(true);
            back.start();
            RdsIamGateway.pipe(secure, server);
            back.join();
        } catch (IOException e) {
            // the client or the server hung up
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            clients.remove(client);
            log.info("Gateway: a connection of {} ended", client.getRemoteSocketAddress());
        }
    }

    /** An ERR packet, as RDS answers a bad token. */
    private void refuse(OutputStream out, int sequence, String message) throws IOException {
        refused.incrementAndGet();
        var payload = new ByteArrayOutputStream();
        payload.write(0xff);
        payload.write(ER_ACCESS_DENIED & 0xff);
        payload.write(ER_ACCESS_DENIED >> 8);
        payload.writeBytes(("#28000" + message).getBytes(StandardCharsets.UTF_8));
        Packet.write(out, sequence, payload.toByteArray());
    }

    /** Where the lower two capability bytes of a protocol-10 greeting are. */
    private static int capabilitiesOffset(byte[] greeting) {
        int versionEnd = indexOf0(greeting, 1);
        return versionEnd + 1 + 4 + 8 + 1;
    }

    /** The server's 20-byte scramble from its greeting (8 bytes, then 12 more after the reserved bytes). */
    private static byte[] scramble(byte[] greeting) {
        int capabilities = capabilitiesOffset(greeting);
        byte[] scramble = new byte[20];
        System.arraycopy(greeting, capabilities - 9, scramble, 0, 8);
        int part2 = capabilities + 2 + 1 + 2 + 2 + 1 + 10;
        System.arraycopy(greeting, part2, scramble, 8, 12);
        return scramble;
    }

    private static int indexOf0(byte[] bytes, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                return i;
            }
        }
        throw new IllegalArgumentException("no NUL after " + from);
    }

    private static int int32(byte[] bytes, int at) {
        return (bytes[at] & 0xff) | (bytes[at + 1] & 0xff) << 8 | (bytes[at + 2] & 0xff) << 16
                | (bytes[at + 3] & 0xff) << 24;
    }

    private static byte[] concat(byte[]... parts) {
        var out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    @Override
    public void close() throws IOException {
        listener.close();
    }

    /** A MySQL packet: a 3-byte little-endian length, a sequence number, the payload. */
    private record Packet(int sequence, byte[] payload) {

        static Packet read(DataInputStream in) throws IOException {
            byte[] header = new byte[4];
            in.readFully(header);
            byte[] payload = new byte[(header[0] & 0xff) | (header[1] & 0xff) << 8 | (header[2] & 0xff) << 16];
            in.readFully(payload);
            return new Packet(header[3] & 0xff, payload);
        }

        static void write(OutputStream out, int sequence, byte[] payload) throws IOException {
            byte[] header = {(byte) payload.length, (byte) (payload.length >> 8), (byte) (payload.length >> 16),
                    (byte) sequence};
            synchronized (out) {
                out.write(header);
                out.write(payload);
                out.flush();
            }
        }
    }

    /** A client's HandshakeResponse41, kept whole but for its password. */
    private record HandshakeResponse(int capabilities, byte[] fixed, String user, byte[] database, byte[] attributes) {

        static HandshakeResponse parse(byte[] payload) {
            int capabilities = int32(payload, 0);
            byte[] fixed = Arrays.copyOfRange(payload, 4, 32); // max packet size, character set, reserved bytes
            int userEnd = indexOf0(payload, 32);
            String user = new String(payload, 32, userEnd - 32, StandardCharsets.UTF_8);
            int at = userEnd + 1;
            int authLength;
            if ((capabilities & CLIENT_PLUGIN_AUTH_LENENC) != 0 || (capabilities & CLIENT_SECURE_CONNECTION) != 0) {
                authLength = payload[at] & 0xff; // a scramble is under 251 bytes: a one-byte length either way
                at += 1 + authLength;
            } else {
                at = indexOf0(payload, at) + 1;
            }
            byte[] database = null;
            if ((capabilities & CLIENT_CONNECT_WITH_DB) != 0 && at < payload.length) {
                int end = indexOf0(payload, at);
                database = Arrays.copyOfRange(payload, at, end);
                at = end + 1;
            }
            if ((capabilities & CLIENT_PLUGIN_AUTH) != 0 && at < payload.length) {
                at = indexOf0(payload, at) + 1;
            }
            byte[] attributes = (capabilities & CLIENT_CONNECT_ATTRS) != 0 && at < payload.length
                    ? Arrays.copyOfRange(payload, at, payload.length) : new byte[0];
            return new HandshakeResponse(capabilities, fixed, user, database, attributes);
        }

        /** This response without TLS, signing in with {@code password} by {@code mysql_native_password}. */
        byte[] withNativePassword(String password, byte[] scramble) {
            int caps = (capabilities & ~CLIENT_SSL) | CLIENT_SECURE_CONNECTION | CLIENT_PLUGIN_AUTH;
            var out = new ByteArrayOutputStream();
            out.writeBytes(new byte[] {(byte) caps, (byte) (caps >> 8), (byte) (caps >> 16), (byte) (caps >> 24)});
            out.writeBytes(fixed);
            out.writeBytes(user.getBytes(StandardCharsets.UTF_8));
            out.write(0);
            byte[] auth = nativePassword(password, scramble);
            out.write(auth.length);
            out.writeBytes(auth);
            if (database != null) {
                out.writeBytes(database);
                out.write(0);
            }
            out.writeBytes("mysql_native_password".getBytes(StandardCharsets.US_ASCII));
            out.write(0);
            out.writeBytes(attributes);
            return out.toByteArray();
        }

        /** SHA1(password) XOR SHA1(scramble + SHA1(SHA1(password))). */
        private static byte[] nativePassword(String password, byte[] scramble) {
            try {
                MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
                byte[] once = sha1.digest(password.getBytes(StandardCharsets.UTF_8));
                byte[] twice = sha1.digest(once);
                sha1.update(scramble);
                byte[] mask = sha1.digest(twice);
                for (int i = 0; i < once.length; i++) {
                    once[i] ^= mask[i];
                }
                return once;
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("SHA-1 is part of every JVM", e);
            }
        }
    }
}

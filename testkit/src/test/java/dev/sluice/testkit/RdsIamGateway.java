package dev.sluice.testkit;

import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.signer.Aws4Signer;
import software.amazon.awssdk.auth.signer.params.Aws4PresignerParams;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.regions.Region;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stand-in for RDS's IAM database authentication, in front of the PostgreSQL stand-in: it relays the PostgreSQL
 * protocol, and when the server asks one user for a cleartext password, it takes what the client sends as an RDS IAM
 * token, checks it as RDS does (a SigV4 presigned {@code connect} request for this endpoint and user, signed with
 * the one key it knows, at most 15 minutes old), and only then signs in to the server with the user's real password.
 * A token that fails the check ends the connection with the error RDS gives.
 */
final class RdsIamGateway implements AutoCloseable {

    private static final int SSL_REQUEST = 80877103;
    private static final int GSS_REQUEST = 80877104;
    private static final Duration LIFETIME = Duration.ofMinutes(15);
    private static final DateTimeFormatter AMZ_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    private final int serverPort;
    private final String user;
    private final String password;
    private final AwsCredentials credentials;
    private final Region region;
    private final ServerSocket socket;
    private final AtomicInteger accepted = new AtomicInteger();
    private final AtomicInteger refused = new AtomicInteger();

    /**
     * @param serverPort  the PostgreSQL server's port on loopback
     * @param user        the user that signs in with tokens (pg_hba must ask it for a cleartext password)
     * @param password    that user's real password, which only the gateway knows
     * @param credentials the key whose tokens are accepted
     */
    RdsIamGateway(int serverPort, String user, String password, AwsCredentials credentials, Region region)
            throws IOException {
        this.serverPort = serverPort;
        this.user = user;
        this.password = password;
        this.credentials = credentials;
        this.region = region;
        this.socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::acceptAll, "rds-iam-gateway");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return socket.getLocalPort();
    }

    /** Connections whose token passed the check. */
    int accepted() {
        return accepted.get();
    }

    /** Connections refused for their token. */
    int refused() {
        return refused.get();
    }

    private void acceptAll() {
        while (!socket.isClosed()) {
            try {
                Socket client = socket.accept();
                Thread relay = new Thread(() -> relay(client), "rds-iam-gateway-connection");
                relay.setDaemon(true);
                relay.start();
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void relay(Socket client) {
        try (client; Socket server = new Socket(InetAddress.getLoopbackAddress(), serverPort)) {
            var fromClient = new DataInputStream(client.getInputStream());
            OutputStream toClient = client.getOutputStream();
            var toServer = new DataOutputStream(server.getOutputStream());
            byte[] startup = startupMessage(fromClient, toClient);
            toServer.write(startup);
            toServer.flush();
            Thread back = new Thread(() -> pipe(server, client), "rds-iam-gateway-back");
            back.setDaemon(true);
            back.start();
            boolean signedIn = false;
            while (true) {
                int type = fromClient.read();
                if (type < 0) {
                    return;
                }
                byte[] body = new byte[fromClient.readInt() - 4];
                fromClient.readFully(body);
                if (type == 'p' && !signedIn) {
                    String token = new String(body, 0, body.length - 1, StandardCharsets.UTF_8);
                    if (!valid(token, startupUser(startup))) {
                        refused.incrementAndGet();
                        synchronized (toClient) {
                            toClient.write(error("PAM authentication failed for user \"" + startupUser(startup)
                                    + "\""));
                            toClient.flush();
                        }
                        return;
                    }
                    accepted.incrementAndGet();
                    signedIn = true;
                    body = (password + "\0").getBytes(StandardCharsets.UTF_8);
                }
                toServer.writeByte(type);
                toServer.writeInt(body.length + 4);
                toServer.write(body);
                toServer.flush();
            }
        } catch (IOException e) {
            // the client or the server hung up
        }
    }

    /** The client's startup message, answering "no" to TLS and GSS encryption requests before it. */
    private static byte[] startupMessage(DataInputStream in, OutputStream out) throws IOException {
        while (true) {
            int length = in.readInt();
            byte[] rest = new byte[length - 4];
            in.readFully(rest);
            int code = ((rest[0] & 0xff) << 24) | ((rest[1] & 0xff) << 16) | ((rest[2] & 0xff) << 8) | (rest[3] & 0xff);
            if (code == SSL_REQUEST || code == GSS_REQUEST) {
                out.write('N');
                out.flush();
                continue;
            }
            var message = new ByteArrayOutputStream();
            new DataOutputStream(message).writeInt(length);
            message.write(rest);
            return message.toByteArray();
        }
    }

    /** The {@code user} parameter of a startup message. */
    private static String startupUser(byte[] startup) {
        String[] parts = new String(startup, 8, startup.length - 8, StandardCharsets.UTF_8).split("\0");
        for (int i = 0; i + 1 < parts.length; i += 2) {
            if (parts[i].equals("user")) {
                return parts[i + 1];
            }
        }
        return "";
    }

    private static void pipe(Socket from, Socket to) {
        try {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            byte[] buffer = new byte[16384];
            int n;
            while ((n = in.read(buffer)) >= 0) {
                synchronized (out) {
                    out.write(buffer, 0, n);
                    out.flush();
                }
            }
        } catch (IOException e) {
            // one side hung up
        } finally {
            try {
                to.close();
            } catch (IOException e) {
                // closing anyway
            }
        }
    }

    /** RDS's check: this endpoint, this user, the known key, signed at most 15 minutes ago. */
    boolean valid(String token, String startupUser) {
        if (!startupUser.equals(user)) {
            return false;
        }
        Map<String, String> query = new HashMap<>();
        String rawQuery = URI.create("https://" + token).getRawQuery();
        if (rawQuery == null) {
            return false;
        }
        for (String pair : rawQuery.split("&")) {
            String[] kv = pair.split("=", 2);
            query.put(kv[0], kv.length == 2 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
        }
        Instant signed;
        try {
            signed = Instant.from(AMZ_DATE.parse(query.getOrDefault("X-Amz-Date", "")));
        } catch (DateTimeParseException e) {
            return false;
        }
        Instant now = Instant.now();
        if (signed.isAfter(now.plus(Duration.ofMinutes(5))) || signed.plus(LIFETIME).isBefore(now)) {
            return false;
        }
        return token.equals(presign(user, signed));
    }

    /** The token RDS expects for {@code dbUser} signed at {@code at}, as the SDK's RdsUtilities makes it. */
    private String presign(String dbUser, Instant at) {
        SdkHttpFullRequest request = SdkHttpFullRequest.builder()
                .method(SdkHttpMethod.GET)
                .protocol("https")
                .host("127.0.0.1")
                .port(port())
                .encodedPath("/")
                .putRawQueryParameter("DBUser", dbUser)
                .putRawQueryParameter("Action", "connect")
                .build();
        Aws4PresignerParams params = Aws4PresignerParams.builder()
                .signingClockOverride(Clock.fixed(at, ZoneOffset.UTC))
                .expirationTime(at.plus(LIFETIME))
                .awsCredentials(credentials)
                .signingName("rds-db")
                .signingRegion(region)
                .build();
        return Aws4Signer.create().presign(request, params).getUri().toString().substring("https://".length());
    }

    /** A PostgreSQL ErrorResponse, as RDS answers a bad token. */
    private static byte[] error(String message) throws IOException {
        var fields = new ByteArrayOutputStream();
        for (String field : new String[] {"SFATAL", "VFATAL", "C28000", "M" + message}) {
            fields.write(field.getBytes(StandardCharsets.UTF_8));
            fields.write(0);
        }
        fields.write(0);
        var out = new ByteArrayOutputStream();
        var data = new DataOutputStream(out);
        data.writeByte('E');
        data.writeInt(fields.size() + 4);
        data.write(fields.toByteArray());
        return out.toByteArray();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}

package dev.sluice.testkit;

import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.regions.Region;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stand-in for RDS's IAM database authentication, in front of the PostgreSQL stand-in: it relays the PostgreSQL
 * protocol, and when the server asks one user for a cleartext password, it takes what the client sends as an RDS IAM
 * token, checks it as RDS does (a SigV4 presigned {@code connect} request for this endpoint and user, signed with
 * the one key it knows, at most 15 minutes old: {@link RdsIamTokenCheck}), and only then signs in to the server with
 * the user's real password.
 * A token that fails the check ends the connection with the error RDS gives.
 */
final class RdsIamGateway implements AutoCloseable {

    private static final int SSL_REQUEST = 80877103;
    private static final int GSS_REQUEST = 80877104;

    private final int serverPort;
    private final String user;
    private final String password;
    private final RdsIamTokenCheck check;
    private final LoopbackListener listener;
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
        this.listener = new LoopbackListener("rds-iam-gateway", this::relay);
        this.check = new RdsIamTokenCheck("127.0.0.1", listener.port(), user, credentials, region);
    }

    int port() {
        return listener.port();
    }

    /** Connections whose token passed the check. */
    int accepted() {
        return accepted.get();
    }

    /** Connections refused for their token. */
    int refused() {
        return refused.get();
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
                    if (!check.valid(token, startupUser(startup))) {
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

    /** Copies what {@code from} sends to {@code to} until either hangs up, then closes {@code to}. */
    static void pipe(Socket from, Socket to) {
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
        listener.close();
    }
}

package dev.sluice.connect.cdc.mysql;

import com.github.shyiko.mysql.binlog.BinaryLogClient;
import dev.sluice.connect.cdc.iam.RdsIamTokens;
import io.debezium.connector.binlog.BinlogStreamingChangeEventSource;
import io.debezium.pipeline.ChangeEventSourceCoordinator;
import java.lang.reflect.Field;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the password of Debezium's binlog client an unexpired RDS IAM token. The client reconnects by itself after a
 * lost connection (its keep-alive), with the password it was made with, and RDS checks a token only at sign-in: a
 * stream that loses its connection after the token's 15 minutes would otherwise never sign in again. So the client's
 * password is replaced with a fresh token whenever its connection ends, and every {@value #RENEW_MINUTES} minutes
 * while it is down or up.
 *
 * <p>The client keeps its password in a final field without a setter (mysql-binlog-connector-java 0.41.0, the one
 * Debezium 3.6.1 ships); it is set by reflection. Should a later version move it, this logs a warning once and the
 * client keeps the token Debezium started it with, which serves until the first reconnect after 15 minutes.
 */
final class BinlogTokenRenewal {

    private static final Logger log = LoggerFactory.getLogger(BinlogTokenRenewal.class);
    private static final long RENEW_MINUTES = 5;
    private static final Duration RENEW_AFTER = Duration.ofMinutes(RENEW_MINUTES);
    private static final Optional<Field> PASSWORD = passwordField();

    private final RdsIamTokens tokens;
    private final Clock clock;
    private volatile BinaryLogClient client;
    private volatile Instant renewed = Instant.MIN;

    BinlogTokenRenewal(RdsIamTokens tokens, Clock clock) {
        this.tokens = tokens;
        this.clock = clock;
    }

    /**
     * Called on every poll of the task: takes over the binlog client of {@code coordinator} once its streaming has
     * started (a coordinator restarted by Debezium has a new client), and renews the token when it is due.
     */
    void check(ChangeEventSourceCoordinator<?, ?> coordinator) {
        if (coordinator == null || PASSWORD.isEmpty()) {
            return;
        }
        BinaryLogClient current = coordinator.getStreamingSource()
                .filter(BinlogStreamingChangeEventSource.class::isInstance)
                .map(source -> ((BinlogStreamingChangeEventSource<?, ?>) source).getBinaryLogClient())
                .orElse(null);
        if (current != null && current != client) {
            client = current;
            current.registerLifecycleListener(new BinaryLogClient.AbstractLifecycleListener() {
                @Override
                public void onDisconnect(BinaryLogClient disconnected) {
                    renew(disconnected);
                    log.info("The binlog connection ended; the client signs in again with a fresh RDS IAM token");
                }
            });
            renewed = clock.instant(); // Debezium made it with a token of this (re)start
            log.info("Renewing the binlog client's RDS IAM token whenever its connection ends and every {} minutes",
                    RENEW_MINUTES);
        }
        if (client != null && clock.instant().isAfter(renewed.plus(RENEW_AFTER))) {
            renew(client);
        }
    }

    /** Gives {@code target} a fresh token as its password. */
    void renew(BinaryLogClient target) {
        try {
            PASSWORD.get().set(target, tokens.token());
            renewed = clock.instant();
        } catch (IllegalAccessException | RuntimeException e) {
            log.warn("Could not renew the binlog client's RDS IAM token; it reconnects with the one it has: {}",
                    e.toString());
        }
    }

    private static Optional<Field> passwordField() {
        try {
            Field field = BinaryLogClient.class.getDeclaredField("password");
            field.setAccessible(true);
            return Optional.of(field);
        } catch (NoSuchFieldException | RuntimeException e) {
            log.warn("This binlog client keeps its password elsewhere than mysql-binlog-connector-java 0.41.0 "
                    + "does ({}): after a lost connection it signs in again with the RDS IAM token it started with, "
                    + "which RDS refuses once 15 minutes old; the task then fails and must be restarted", e.toString());
            return Optional.empty();
        }
    }
}

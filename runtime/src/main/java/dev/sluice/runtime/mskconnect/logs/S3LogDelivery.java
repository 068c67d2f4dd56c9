package dev.sluice.runtime.mskconnect.logs;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import dev.sluice.runtime.config.AwsSettings;
import dev.sluice.runtime.mskconnect.Arns;
import dev.sluice.runtime.mskconnect.connector.MskConnector;
import dev.sluice.runtime.state.ResourceState;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.zip.GZIPOutputStream;

/**
 * MSK Connect's worker log delivery to S3: the log lines of each connector whose {@code logDelivery} enables S3
 * are gzipped into an object every interval, under
 * {@code <prefix>/AWSLogs/<account>/KafkaConnectLogs/<region>/<connector>-<id>/<yyyy>/<MM>/<dd>/<HH>/}.
 * Delivery is best effort, as in MSK Connect: lines that cannot be delivered are kept for the next attempt
 * within a bound, and a warning is logged once per failing streak.
 */
public final class S3LogDelivery {

    private static final org.slf4j.Logger log = LoggerFactory.getLogger(S3LogDelivery.class);
    private static final DateTimeFormatter HOUR_PATH = DateTimeFormatter.ofPattern("yyyy/MM/dd/HH")
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    private final ResourceState state;
    private final Arns arns;
    private final AwsSettings aws;
    private final S3Client s3;
    private final Clock clock;
    private final Duration interval;
    private final ConnectorLogAppender appender;
    private final AtomicLong sequence = new AtomicLong();
    private final Set<String> failing = ConcurrentHashMap.newKeySet();
    /** This node's part of object keys: every node of a fleet delivers the logs of its own workers. */
    private final String node = java.util.UUID.randomUUID().toString().substring(0, 8);
    private ScheduledExecutorService timer;

    public S3LogDelivery(ResourceState state, Arns arns, AwsSettings aws, S3Client s3, Clock clock,
                         Duration interval) {
        this.state = state;
        this.arns = arns;
        this.aws = aws;
        this.s3 = s3;
        this.clock = clock;
        this.interval = interval;
        this.appender = new ConnectorLogAppender(this::destinationOf);
    }

    public void start() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        appender.setContext(context);
        appender.start();
        context.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(appender);
        refreshDestinations();
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "sluice-log-delivery");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(this::tick, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Delivers what is waiting, then stops collecting. */
    public void stop() {
        if (timer == null) {
            return;
        }
        timer.shutdownNow();
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        context.getLogger(Logger.ROOT_LOGGER_NAME).detachAppender(appender);
        appender.stop();
        deliverAll();
    }

    private void tick() {
        try {
            refreshDestinations();
            deliverAll();
        } catch (RuntimeException e) {
            log.warn("Connector log delivery failed", e);
        }
    }

    private Optional<LogDestination> destinationOf(String connectorName) {
        return state.list(arns.prefixOf(Arns.CONNECTOR) + connectorName + "/", MskConnector.class).stream()
                .flatMap(c -> LogDestination.of(c).stream())
                .findFirst();
    }

    private void refreshDestinations() {
        Map<String, LogDestination> byName = state.list(arns.prefixOf(Arns.CONNECTOR), MskConnector.class).stream()
                .flatMap(c -> LogDestination.of(c).stream())
                .collect(Collectors.toMap(LogDestination::connectorName, Function.identity(), (a, b) -> b));
        appender.deliverFor(byName);
    }

    private void deliverAll() {
        appender.batches().forEach((id, batch) -> {
            List<String> lines = batch.drain();
            if (lines.isEmpty()) {
                if (!appender.isStarted() || !isCurrent(batch.destination())) {
                    appender.batches().remove(id, batch);
                }
                return;
            }
            try {
                put(batch.destination(), lines);
                if (failing.remove(id)) {
                    log.info("Delivering the logs of connector {} to s3://{} again", batch.destination()
                            .connectorName(), batch.destination().bucket());
                }
            } catch (RuntimeException e) {
                batch.putBack(lines);
                if (failing.add(id)) {
                    log.warn("Could not deliver the logs of connector {} to s3://{}: {}; will retry",
                            batch.destination().connectorName(), batch.destination().bucket(), e.getMessage());
                }
            }
        });
    }

    private boolean isCurrent(LogDestination destination) {
        return state.list(arns.prefixOf(Arns.CONNECTOR), MskConnector.class).stream()
                .anyMatch(c -> c.arn().endsWith("/" + destination.connectorId()));
    }

    private void put(LogDestination to, List<String> lines) {
        var now = clock.instant();
        String folder = to.connectorName() + "-" + to.connectorId();
        String prefix = to.prefix().isEmpty() || to.prefix().endsWith("/") ? to.prefix() : to.prefix() + "/";
        String key = prefix + "AWSLogs/" + aws.accountId() + "/KafkaConnectLogs/" + aws.region() + "/" + folder
                + "/" + HOUR_PATH.format(now) + "/" + folder + "_" + STAMP.format(now) + "_" + node + "_"
                + sequence.incrementAndGet() + ".log.gz";
        s3.putObject(b -> b.bucket(to.bucket()).key(key).contentType("application/x-gzip"),
                RequestBody.fromBytes(gzip(lines)));
    }

    private static byte[] gzip(List<String> lines) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            for (String line : lines) {
                out.write(line.getBytes(StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}

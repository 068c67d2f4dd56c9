package dev.sluice.connect.cdc.mysql;

import dev.sluice.connect.cdc.DebeziumTaskWrapper;
import dev.sluice.connect.cdc.DebeziumMetricsSwaps;
import dev.sluice.connect.cdc.DirectLagMeasurement;
import dev.sluice.connect.cdc.LazyLastEvent;
import dev.sluice.connect.cdc.iam.IamTokenRegistry;
import dev.sluice.connect.cdc.iam.RdsIamTokens;
import io.debezium.config.CommonConnectorConfig;
import io.debezium.config.Configuration;
import io.debezium.connector.common.CdcSourceTaskContext;
import io.debezium.connector.mysql.MySqlConnectorTask;
import io.debezium.connector.mysql.MySqlOffsetContext;
import io.debezium.connector.mysql.MySqlPartition;
import io.debezium.pipeline.ChangeEventSourceCoordinator;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/**
 * Debezium's MySQL task, given the config as {@link RdsMySqlConfig#parse} makes it on the node the task runs on: the
 * RDS defaults filled in, Sluice's keys and the AWS credentials removed (Debezium logs its config), and, with IAM
 * authentication, this node's token maker registered. Logs at INFO when a captured table's columns change.
 *
 * <p>With IAM authentication, Debezium's binlog client signs in with the configured password, which it takes when
 * Debezium starts its capture: each start, the first and every restart, is given a fresh token as that password (RDS
 * checks a token only at sign-in, so a stream outlives its token), and {@link BinlogTokenRenewal} keeps it fresh for
 * the client's own reconnects. The JDBC connections get theirs from
 * {@link dev.sluice.connect.cdc.iam.RdsIamClearPasswordPlugin}, one for each connection.
 */
public class RdsMySqlTask extends DebeziumTaskWrapper {

    private final SignedInTask debezium;
    private volatile Optional<BinlogTokenRenewal> renewal = Optional.empty();

    public RdsMySqlTask() {
        this(new SignedInTask());
    }

    private RdsMySqlTask(SignedInTask debezium) {
        super(debezium);
        this.debezium = debezium;
    }

    @Override
    public void start(Map<String, String> props) {
        RdsMySqlSettings settings = RdsMySqlConfig.parse(props);
        debezium.tokens = settings.iam().map(IamTokenRegistry::makerFor);
        renewal = debezium.tokens.map(t -> new BinlogTokenRenewal(t, Clock.systemUTC()));
        debezium.start(settings.debezium());
    }

    @Override
    protected void beforePoll() {
        renewal.ifPresent(r -> r.check(debezium.capture));
    }

    /**
     * Debezium's MySQL task, each (re)start of it signing in with a fresh token when there are tokens, and with the
     * JMX {@code LastEvent} attribute rendered only when read ({@link LazyLastEvent}) and the streaming lag measured on
     * the capture thread ({@link DirectLagMeasurement}).
     */
    private static final class SignedInTask extends MySqlConnectorTask {

        private volatile Optional<RdsIamTokens> tokens = Optional.empty();
        /** The config of the current (re)start, with its token. */
        private volatile Configuration signedIn;
        /** Debezium's capture of the current (re)start. */
        private volatile ChangeEventSourceCoordinator<MySqlPartition, MySqlOffsetContext> capture;

        // Debezium reads the connection settings here, before each start, into the settings its binlog client uses
        @Override
        public CdcSourceTaskContext<? extends CommonConnectorConfig> preStart(Configuration config) {
            signedIn = tokens.map(t -> config.edit().with(RdsMySqlConfig.PASSWORD, t.token()).build()).orElse(config);
            return super.preStart(signedIn);
        }

        @Override
        public ChangeEventSourceCoordinator<MySqlPartition, MySqlOffsetContext> start(Configuration config) {
            capture = super.start(signedIn == null ? config : signedIn);
            DebeziumMetricsSwaps.installAll(capture);
            return capture;
        }
    }
}

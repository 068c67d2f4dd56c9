package dev.sluice.connect.cdc;

import dev.sluice.connect.cdc.iam.IamAuth;
import java.util.Map;
import java.util.Optional;

/**
 * The RDS PostgreSQL connector's settings, parsed once from its config ({@link RdsPostgresConfig#parse}).
 *
 * @param connectorName  the connector's name, which the slot and publication are named after
 * @param slotName       the replication slot Debezium reads from
 * @param retainSlot     whether resetting the connector's offsets keeps the slot ({@code sluice.slot.retain})
 * @param heartbeatTable the table the default heartbeat query writes to, which the connector creates; empty when
 *                       the config gives a {@code heartbeat.action.query} of its own
 * @param iam            what the IAM authentication tokens are made for; empty when the config has a password
 * @param debezium       the config handed to Debezium's PostgreSQL task: the user's keys with the RDS defaults
 *                       filled in
 */
public record RdsPostgresSettings(String connectorName, String slotName, boolean retainSlot,
                                  Optional<String> heartbeatTable, Optional<IamAuth> iam,
                                  Map<String, String> debezium) {

    public RdsPostgresSettings {
        debezium = Map.copyOf(debezium);
    }

    /** A Debezium key of the merged config, or null. */
    public String get(String key) {
        return debezium.get(key);
    }
}

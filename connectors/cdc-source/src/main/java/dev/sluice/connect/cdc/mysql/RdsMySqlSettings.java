package dev.sluice.connect.cdc.mysql;

import dev.sluice.connect.cdc.iam.IamAuth;
import java.util.Map;
import java.util.Optional;

/**
 * The RDS MySQL connector's settings, parsed once from its config ({@link RdsMySqlConfig#parse}).
 *
 * @param connectorName     the connector's name, which the server id and schema history topic are derived from
 * @param serverId          the id Debezium's binlog client joins the server with
 * @param minRetentionHours the {@code binlog retention hours} validation asks of an RDS instance; 0 for no check
 * @param iam               what the IAM tokens are made for, when the connector signs in with them
 * @param debezium          the config handed to Debezium's MySQL connector and task: the user's keys with the RDS
 *                          defaults filled in
 */
public record RdsMySqlSettings(String connectorName, long serverId, int minRetentionHours, Optional<IamAuth> iam,
                               Map<String, String> debezium) {

    public RdsMySqlSettings {
        debezium = Map.copyOf(debezium);
    }

    /** A Debezium key of the merged config, or null. */
    public String get(String key) {
        return debezium.get(key);
    }
}

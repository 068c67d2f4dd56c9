package dev.sluice.runtime.mskconnect;

import dev.sluice.runtime.config.AwsSettings;

import java.util.UUID;

/**
 * ARNs as MSK Connect forms them: {@code arn:aws:kafkaconnect:<region>:<account>:<kind>/<name>/<uuid>}, the region
 * and account from the node's configuration.
 */
public final class Arns {

    public static final String CONNECTOR = "connector";
    public static final String CUSTOM_PLUGIN = "custom-plugin";
    public static final String WORKER_CONFIGURATION = "worker-configuration";
    public static final String CONNECTOR_OPERATION = "connector-operation";

    private final String prefix;

    public Arns(AwsSettings aws) {
        this.prefix = "arn:aws:kafkaconnect:" + aws.region() + ":" + aws.accountId() + ":";
    }

    public String newArn(String kind, String name) {
        return prefixOf(kind) + name + "/" + UUID.randomUUID() + "-1";
    }

    /** The start of every ARN of this kind: the key prefix of its resources in the state. */
    public String prefixOf(String kind) {
        return prefix + kind + "/";
    }

    public boolean isOfKind(String arn, String kind) {
        return arn != null && arn.startsWith(prefixOf(kind));
    }
}

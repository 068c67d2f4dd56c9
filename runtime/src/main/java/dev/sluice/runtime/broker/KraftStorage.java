package dev.sluice.runtime.broker;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Optional;
import java.util.TreeSet;

import kafka.server.KafkaConfig;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.metadata.properties.MetaPropertiesEnsemble;
import org.apache.kafka.metadata.storage.Formatter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Formats a node's log directories on first start, as {@code kafka-storage.sh format} would, using Kafka's own
 * {@link Formatter} (the storage tool itself drags in an argparse4j that clashes with Dropwizard's).
 */
final class KraftStorage {

    private static final Logger log = LoggerFactory.getLogger(KraftStorage.class);

    private KraftStorage() {
    }

    /**
     * Formats the node's directories if none of them has a {@code meta.properties} yet and returns the cluster id
     * they carry. Formatted directories are never touched, so a restart keeps its data and cluster id; a node
     * where only some directories are formatted is left for Kafka to report.
     */
    static String formatIfNew(KafkaConfig config, KraftNodeSettings settings) {
        var directories = directories(config);
        var ensemble = load(directories);
        var existing = ensemble.clusterId();
        if (existing.isPresent()) {
            if (settings.clusterId() != null && !settings.clusterId().equals(existing.get())) {
                throw new IllegalStateException("the log directories of node " + config.nodeId()
                        + " belong to cluster " + existing.get() + " but " + KraftNodeSettings.CLUSTER_ID_CONFIG
                        + " is " + settings.clusterId() + "; fix " + KraftNodeSettings.CLUSTER_ID_CONFIG
                        + " or point log.dirs elsewhere");
            }
            return existing.get();
        }
        if (!ensemble.errorLogDirs().isEmpty()) {
            throw new IllegalStateException("cannot read log directories " + ensemble.errorLogDirs());
        }
        var clusterId = Optional.ofNullable(settings.clusterId()).orElseGet(() -> newClusterId(settings));
        format(config, directories, clusterId);
        return clusterId;
    }

    /** The cluster id already written in {@code logDir}, if it was formatted. */
    static Optional<String> clusterIdIn(Path logDir) {
        return load(java.util.List.of(logDir.toAbsolutePath().toString())).clusterId();
    }

    private static String newClusterId(KraftNodeSettings settings) {
        if (!settings.isSoleVoter()) {
            throw new IllegalStateException("node " + settings.nodeId() + " is not formatted yet and "
                    + KraftNodeSettings.CLUSTER_ID_CONFIG + " is not set: every node of a multi-node cluster"
                    + " must be formatted with the same id (generate one with kafka-storage.sh random-uuid)");
        }
        return Uuid.randomUuid().toString();
    }

    private static void format(KafkaConfig config, Collection<String> directories, String clusterId) {
        var output = new ByteArrayOutputStream();
        try (var printStream = new PrintStream(output, true, StandardCharsets.UTF_8)) {
            var formatter = new Formatter()
                    .setPrintStream(printStream)
                    .setNodeId(config.nodeId())
                    .setClusterId(clusterId)
                    .setDirectories(directories)
                    .setMetadataLogDirectory(config.metadataLogDir())
                    .setControllerListenerName(config.controllerListenerNames().get(0))
                    // controller.quorum.voters is set: a static quorum, kraft.version 0, no bootstrap snapshot.
                    .setHasDynamicQuorum(false);
            formatter.run();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("cannot format the log directories of node " + config.nodeId(), e);
        } finally {
            output.toString(StandardCharsets.UTF_8).lines()
                    .forEach(line -> log.info("node {}: {}", config.nodeId(), line));
        }
        log.info("Formatted node {} for cluster {} in {}", config.nodeId(), clusterId, directories);
    }

    private static Collection<String> directories(KafkaConfig config) {
        var directories = new TreeSet<>(config.logDirs());
        directories.add(config.metadataLogDir());
        return directories;
    }

    private static MetaPropertiesEnsemble load(Collection<String> directories) {
        try {
            return new MetaPropertiesEnsemble.Loader().addLogDirs(directories).load();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read meta.properties in " + directories, e);
        }
    }
}

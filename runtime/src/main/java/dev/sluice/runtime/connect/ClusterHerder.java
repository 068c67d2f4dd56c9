package dev.sluice.runtime.connect;

import org.apache.kafka.connect.runtime.ConnectMetrics;
import org.apache.kafka.connect.runtime.Herder;
import org.apache.kafka.connect.runtime.HerderRequest;
import org.apache.kafka.connect.runtime.RestartRequest;
import org.apache.kafka.connect.runtime.TargetState;
import org.apache.kafka.connect.runtime.distributed.DistributedHerder;
import org.apache.kafka.connect.runtime.distributed.RequestTargetException;
import org.apache.kafka.connect.runtime.isolation.Plugins;
import org.apache.kafka.connect.runtime.rest.InternalRequestSignature;
import org.apache.kafka.connect.runtime.rest.entities.ActiveTopicsInfo;
import org.apache.kafka.connect.runtime.rest.entities.ConfigInfos;
import org.apache.kafka.connect.runtime.rest.entities.ConfigKeyInfo;
import org.apache.kafka.connect.runtime.rest.entities.ConnectorInfo;
import org.apache.kafka.connect.runtime.rest.entities.ConnectorOffsets;
import org.apache.kafka.connect.runtime.rest.entities.ConnectorStateInfo;
import org.apache.kafka.connect.runtime.rest.entities.LoggerLevel;
import org.apache.kafka.connect.runtime.rest.entities.Message;
import org.apache.kafka.connect.runtime.rest.entities.TaskInfo;
import org.apache.kafka.connect.storage.StatusBackingStore;
import org.apache.kafka.connect.util.Callback;
import org.apache.kafka.connect.util.ConnectorTaskId;
import org.apache.maven.artifact.versioning.VersionRange;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * The workers of one connector's Connect cluster that this node runs, seen as one {@link Herder}. Every worker
 * advertises this node's URL, so a call that needs the group's leader (or the worker that runs a task) is not
 * forwarded over HTTP while one of them is it: when a worker answers that it is not the one, the call is tried on
 * the next worker here. When the leader is a worker on another node of the fleet, the call goes there, once
 * ({@link RemoteHerder}), so that the node's own APIs (MSK Connect's) need no forwarding of their own; Connect's
 * internal calls (task configs, fencing) are left to Connect's forwarding.
 */
final class ClusterHerder implements Herder {

    /** Started workers are added at the end and stopped from the end; never empty while the cluster runs. */
    private final List<DistributedHerder> workers;
    private volatile int preferred;

    private final String nodeUrl;
    private final java.util.function.Function<String, Herder> otherNodes;

    /**
     * @param nodeUrl    this node's advertised URL, which its workers give as theirs
     * @param otherNodes the herder that makes a call on another node, given that node's URL
     */
    ClusterHerder(List<DistributedHerder> workers, String nodeUrl,
                  java.util.function.Function<String, Herder> otherNodes) {
        this.workers = new java.util.concurrent.CopyOnWriteArrayList<>(workers);
        this.nodeUrl = nodeUrl;
        this.otherNodes = otherNodes;
    }

    int workerCount() {
        return workers.size();
    }

    /** Starts {@code worker} as one more of this node's workers of the cluster. */
    void add(DistributedHerder worker) {
        worker.start();
        workers.add(worker);
    }

    /** Stops this node's last-added worker of the cluster (its tasks go to the group's other workers). */
    void removeLast() {
        if (workers.size() > 1) {
            workers.remove(workers.size() - 1).stop();
        }
    }

    /**
     * Runs {@code call} on the worker that last answered, then on each other worker while they redirect, then on
     * the node they redirect to, unless the call came from another node already.
     */
    private <T> void onRightWorker(Callback<T> callback, BiConsumer<Herder, Callback<T>> call) {
        attempt(0, preferred, !ForwardedRequests.current(), callback, call);
    }

    /** As {@link #onRightWorker}, on this node's workers only. */
    private <T> void onRightLocalWorker(Callback<T> callback, BiConsumer<Herder, Callback<T>> call) {
        attempt(0, preferred, false, callback, call);
    }

    private <T> void attempt(int tried, int index, boolean mayForward, Callback<T> callback,
                             BiConsumer<Herder, Callback<T>> call) {
        int worker = index % workers.size();
        call.accept(workers.get(worker), callback.chainStaging((error, result) -> {
            if (error instanceof RequestTargetException && tried + 1 < workers.size()) {
                attempt(tried + 1, worker + 1, mayForward, callback, call);
                return;
            }
            if (error instanceof RequestTargetException target && mayForward && target.forwardUrl() != null
                    && !sameUrl(target.forwardUrl(), nodeUrl)) {
                call.accept(otherNodes.apply(target.forwardUrl()), callback);
                return;
            }
            if (error == null) {
                preferred = worker;
            }
            callback.onCompletion(error, result);
        }));
    }

    private static boolean sameUrl(String a, String b) {
        return stripSlash(a).equals(stripSlash(b));
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    private Herder any() {
        return workers.get(preferred % workers.size());
    }

    @Override
    public void start() {
        workers.forEach(DistributedHerder::start);
    }

    @Override
    public void stop() {
        workers.parallelStream().forEach(DistributedHerder::stop);
    }

    @Override
    public boolean isReady() {
        return workers.stream().allMatch(DistributedHerder::isReady);
    }

    @Override
    public void healthCheck(Callback<Void> callback) {
        any().healthCheck(callback);
    }

    @Override
    public void connectors(Callback<Collection<String>> callback) {
        onRightWorker(callback, Herder::connectors);
    }

    @Override
    public void connectorInfo(String connName, Callback<ConnectorInfo> callback) {
        onRightWorker(callback, (h, cb) -> h.connectorInfo(connName, cb));
    }

    @Override
    public void connectorConfig(String connName, Callback<Map<String, String>> callback) {
        onRightWorker(callback, (h, cb) -> h.connectorConfig(connName, cb));
    }

    @Override
    public void putConnectorConfig(String connName, Map<String, String> config, boolean allowReplace,
                                   Callback<Created<ConnectorInfo>> callback) {
        onRightWorker(callback, (h, cb) -> h.putConnectorConfig(connName, config, allowReplace, cb));
    }

    @Override
    public void putConnectorConfig(String connName, Map<String, String> config, TargetState targetState,
                                   boolean allowReplace, Callback<Created<ConnectorInfo>> callback) {
        onRightWorker(callback, (h, cb) -> h.putConnectorConfig(connName, config, targetState, allowReplace, cb));
    }

    @Override
    public void patchConnectorConfig(String connName, Map<String, String> configPatch,
                                     Callback<Created<ConnectorInfo>> callback) {
        onRightWorker(callback, (h, cb) -> h.patchConnectorConfig(connName, configPatch, cb));
    }

    @Override
    public void deleteConnectorConfig(String connName, Callback<Created<ConnectorInfo>> callback) {
        onRightWorker(callback, (h, cb) -> h.deleteConnectorConfig(connName, cb));
    }

    @Override
    public void requestTaskReconfiguration(String connName) {
        workers.forEach(w -> w.requestTaskReconfiguration(connName));
    }

    @Override
    public void taskConfigs(String connName, Callback<List<TaskInfo>> callback) {
        onRightWorker(callback, (h, cb) -> h.taskConfigs(connName, cb));
    }

    @Override
    public void putTaskConfigs(String connName, List<Map<String, String>> configs, Callback<Void> callback,
                               InternalRequestSignature requestSignature) {
        onRightLocalWorker(callback, (h, cb) -> h.putTaskConfigs(connName, configs, cb, requestSignature));
    }

    @Override
    public void fenceZombieSourceTasks(String connName, Callback<Void> callback,
                                       InternalRequestSignature requestSignature) {
        onRightLocalWorker(callback, (h, cb) -> h.fenceZombieSourceTasks(connName, cb, requestSignature));
    }

    @Override
    public Collection<String> connectors() {
        return any().connectors();
    }

    @Override
    public ConnectorInfo connectorInfo(String connName) {
        return any().connectorInfo(connName);
    }

    @Override
    public ConnectorStateInfo connectorStatus(String connName) {
        return any().connectorStatus(connName);
    }

    @Override
    public ActiveTopicsInfo connectorActiveTopics(String connName) {
        return any().connectorActiveTopics(connName);
    }

    @Override
    public void resetConnectorActiveTopics(String connName) {
        any().resetConnectorActiveTopics(connName);
    }

    @Override
    public StatusBackingStore statusBackingStore() {
        return any().statusBackingStore();
    }

    @Override
    public ConnectorStateInfo.TaskState taskStatus(ConnectorTaskId id) {
        return any().taskStatus(id);
    }

    @Override
    public void validateConnectorConfig(Map<String, String> connectorConfig, Callback<ConfigInfos> callback) {
        any().validateConnectorConfig(connectorConfig, callback);
    }

    @Override
    public void restartTask(ConnectorTaskId id, Callback<Void> cb) {
        onRightWorker(cb, (h, c) -> h.restartTask(id, c));
    }

    @Override
    public void restartConnector(String connName, Callback<Void> cb) {
        onRightWorker(cb, (h, c) -> h.restartConnector(connName, c));
    }

    @Override
    public HerderRequest restartConnector(long delayMs, String connName, Callback<Void> cb) {
        return any().restartConnector(delayMs, connName, cb);
    }

    @Override
    public void restartConnectorAndTasks(RestartRequest request, Callback<ConnectorStateInfo> cb) {
        onRightWorker(cb, (h, c) -> h.restartConnectorAndTasks(request, c));
    }

    @Override
    public void stopConnector(String connector, Callback<Void> cb) {
        onRightWorker(cb, (h, c) -> h.stopConnector(connector, c));
    }

    @Override
    public void pauseConnector(String connector) {
        any().pauseConnector(connector);
    }

    @Override
    public void resumeConnector(String connector) {
        any().resumeConnector(connector);
    }

    @Override
    public Plugins plugins() {
        return any().plugins();
    }

    @Override
    public String kafkaClusterId() {
        return any().kafkaClusterId();
    }

    @Override
    public List<ConfigKeyInfo> connectorPluginConfig(String pluginName) {
        return any().connectorPluginConfig(pluginName);
    }

    @Override
    public List<ConfigKeyInfo> connectorPluginConfig(String pluginName, VersionRange version) {
        return any().connectorPluginConfig(pluginName, version);
    }

    @Override
    public void connectorOffsets(String connName, Callback<ConnectorOffsets> cb) {
        onRightWorker(cb, (h, c) -> h.connectorOffsets(connName, c));
    }

    @Override
    public void alterConnectorOffsets(String connName, Map<Map<String, ?>, Map<String, ?>> offsets,
                                      Callback<Message> cb) {
        onRightWorker(cb, (h, c) -> h.alterConnectorOffsets(connName, offsets, c));
    }

    @Override
    public void resetConnectorOffsets(String connName, Callback<Message> cb) {
        onRightWorker(cb, (h, c) -> h.resetConnectorOffsets(connName, c));
    }

    @Override
    public LoggerLevel loggerLevel(String logger) {
        return any().loggerLevel(logger);
    }

    @Override
    public Map<String, LoggerLevel> allLoggerLevels() {
        return any().allLoggerLevels();
    }

    @Override
    public List<String> setWorkerLoggerLevel(String namespace, String level) {
        return any().setWorkerLoggerLevel(namespace, level);
    }

    @Override
    public void setClusterLoggerLevel(String namespace, String level) {
        any().setClusterLoggerLevel(namespace, level);
    }

    @Override
    public ConnectMetrics connectMetrics() {
        return any().connectMetrics();
    }
}

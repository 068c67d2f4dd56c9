package dev.sluice.runtime.mskconnect.tags;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.runtime.mskconnect.Inputs;
import dev.sluice.runtime.mskconnect.errors.MskConnectException;
import dev.sluice.runtime.state.ResourceState;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The tags of any resource of the MSK Connect API (connectors, custom plugins, worker configurations). */
public final class Tags {

    private static final String ARN_PREFIX = "arn:aws:kafkaconnect:";

    private final ResourceState state;

    public Tags(ResourceState state) {
        this.state = state;
    }

    public Map<String, String> list(String resourceArn) {
        Map<String, String> out = new TreeMap<>();
        document(resourceArn).path("tags").fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
        return out;
    }

    public synchronized void tag(String resourceArn, Map<String, String> tags) {
        new Inputs().required("tags", tags).tags("tags", tags).check();
        ObjectNode doc = document(resourceArn);
        ObjectNode current = doc.has("tags") && doc.get("tags").isObject() ? (ObjectNode) doc.get("tags")
                : doc.putObject("tags");
        tags.forEach(current::put);
        if (current.size() > 200) {
            throw new MskConnectException.BadRequest("tags: a resource may hold at most 200 tags");
        }
        state.put(resourceArn, doc);
    }

    public synchronized void untag(String resourceArn, List<String> tagKeys) {
        if (tagKeys == null || tagKeys.isEmpty()) {
            throw new MskConnectException.BadRequest("tagKeys is required");
        }
        ObjectNode doc = document(resourceArn);
        if (doc.get("tags") instanceof ObjectNode current) {
            tagKeys.forEach(current::remove);
        }
        state.put(resourceArn, doc);
    }

    private ObjectNode document(String resourceArn) {
        if (resourceArn == null || !resourceArn.startsWith(ARN_PREFIX)) {
            throw new MskConnectException.BadRequest("resourceArn is not an MSK Connect ARN: " + resourceArn);
        }
        JsonNode doc = state.get(resourceArn, JsonNode.class)
                .orElseThrow(() -> new MskConnectException.NotFound("Resource " + resourceArn + " not found"));
        return (ObjectNode) doc;
    }
}

package dev.sluice.schema.glue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Map;

/** A response structure being built; members with no value are left out, as AWS leaves them out. */
final class Out {

    private final ObjectNode node = JsonNodeFactory.instance.objectNode();

    static Out object() {
        return new Out();
    }

    Out put(String member, String value) {
        if (value != null) {
            node.put(member, value);
        }
        return this;
    }

    Out put(String member, Enum<?> value) {
        return put(member, value == null ? null : value.name());
    }

    Out put(String member, Long value) {
        if (value != null) {
            node.put(member, value);
        }
        return this;
    }

    /** A version number; 0 stands for none (a schema with no version yet) and is left out. */
    Out putVersion(String member, long value) {
        return value > 0 ? put(member, value) : this;
    }

    Out put(String member, Boolean value) {
        if (value != null) {
            node.put(member, value);
        }
        return this;
    }

    Out put(String member, Map<String, String> map) {
        if (map != null) {
            ObjectNode out = node.putObject(member);
            map.forEach(out::put);
        }
        return this;
    }

    Out put(String member, Out structure) {
        node.set(member, structure.node);
        return this;
    }

    Out put(String member, List<Out> list) {
        var array = node.putArray(member);
        list.forEach(item -> array.add(item.node));
        return this;
    }

    JsonNode json() {
        return node;
    }
}

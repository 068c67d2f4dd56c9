package dev.sluice.schema.store;

/** One entity's new state, as a JSON document under its key; a null document removes the entity. */
public record Change(String key, String document) {

    public static Change remove(String key) {
        return new Change(key, null);
    }
}

package dev.sluice.schema.registry;

import dev.sluice.schema.compatibility.Compatibility;
import dev.sluice.schema.format.DataFormat;
import dev.sluice.schema.store.Change;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class RegistryStateTest {

    private static final String T = "2026-01-01T00:00:00Z";

    private final Registry registry = new Registry("payments", "d", "AVAILABLE", T, T, Map.of("team", "a"));
    private final RegisteredSchema schema = new RegisteredSchema("payments", "orders", DataFormat.AVRO,
            Compatibility.BACKWARD, null, "AVAILABLE", 1, 2, 3, T, T, Map.of());
    private final SchemaVersion v1 = version(1);
    private final SchemaVersion v2 = version(2);

    private static SchemaVersion version(long number) {
        return new SchemaVersion(UUID.randomUUID(), number, "payments", "orders", number, "\"long\"", "\"long\"",
                "AVAILABLE", null, T, List.of(new SchemaVersion.Metadata("k", "v" + number, T)));
    }

    @Test
    void replayingTheChangesRebuildsEveryEntityAsWritten() {
        List<Change> log = List.of(RegistryState.put(registry), RegistryState.put(v1), RegistryState.put(v2),
                RegistryState.put(schema));
        RegistryState state = new RegistryState();

        log.forEach(state::apply);

        assertThat(state.registry("payments")).contains(registry);
        assertThat(state.schema("payments", "orders")).contains(schema);
        assertThat(state.versions(schema)).containsExactly(v1, v2);
        assertThat(state.version(v2.id())).contains(v2);
        assertThat(state.version(schema, 1)).contains(v1);
    }

    @Test
    void aRemovalTakesTheEntityAndItsIndexEntriesAway() {
        RegistryState state = new RegistryState();
        List.of(RegistryState.put(registry), RegistryState.put(schema), RegistryState.put(v1),
                RegistryState.put(v2)).forEach(state::apply);

        state.apply(Change.remove(EntityKeys.version(v1.id())));
        state.apply(Change.remove(EntityKeys.schema("payments", "orders")));

        assertThat(state.version(v1.id())).isEmpty();
        assertThat(state.versions(schema)).containsExactly(v2);
        assertThat(state.schema("payments", "orders")).isEmpty();
        assertThat(state.schemas("payments")).isEmpty();
    }

    @Test
    void theLatestDocumentOfAKeyWins() {
        RegistryState state = new RegistryState();

        state.apply(RegistryState.put(registry));
        state.apply(RegistryState.put(registry.withDescription("new", "2026-02-01T00:00:00Z")));

        assertThat(state.registry("payments")).hasValueSatisfying(r -> assertThat(r.description()).isEqualTo("new"));
        assertThat(state.registries()).hasSize(1);
    }

    @Test
    void schemasAreListedPerRegistryOnly() {
        RegistryState state = new RegistryState();
        RegisteredSchema other = new RegisteredSchema("payments-eu", "orders", DataFormat.AVRO,
                Compatibility.NONE, null, "AVAILABLE", 1, 0, 1, T, T, Map.of());

        state.apply(RegistryState.put(schema));
        state.apply(RegistryState.put(other));

        assertThat(state.schemas("payments")).containsExactly(schema);
        assertThat(state.schemas("payments-eu")).containsExactly(other);
    }

    @Test
    void noGlobalIdIsGivenTwiceOnceDeletedVersionsAreCompactedAway() {
        SchemaVersion v7 = version(7);
        List<Change> written = RegistryState.withGlobalIdMark(List.of(RegistryState.put(v7)));
        assertThat(written).extracting(Change::key).containsExactly(EntityKeys.version(v7.id()),
                EntityKeys.GLOBAL_ID_MARK);

        // after the version is deleted and compaction has dropped its records, only the mark is left to replay
        var restarted = new RegistryState();
        restarted.apply(written.get(1));

        assertThat(restarted.version(7L)).isEmpty();
        assertThat(restarted.highestGlobalId()).isEqualTo(7);
    }
}

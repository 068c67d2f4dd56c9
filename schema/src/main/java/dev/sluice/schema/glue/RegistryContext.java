package dev.sluice.schema.glue;

import dev.sluice.schema.ErrorCode;
import dev.sluice.schema.RegistryException;
import dev.sluice.schema.registry.Arns;
import dev.sluice.schema.registry.Limits;
import dev.sluice.schema.registry.RegistryState;
import dev.sluice.schema.store.Change;
import dev.sluice.schema.store.SchemaStore;
import dev.sluice.schema.store.WriteConflictException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.List;
import java.util.function.Supplier;

/** What every operation works with: the node's state, the log it writes to, its ARNs, quotas and clock. */
final class RegistryContext {

    static final String DEFAULT_REGISTRY = "default-registry";
    private static final int MAX_ATTEMPTS = 5;
    private static final Logger LOG = LoggerFactory.getLogger(RegistryContext.class);

    private final RegistryState state;
    private final SchemaStore store;
    private final Arns arns;
    private final Limits limits;
    private final Clock clock;

    RegistryContext(RegistryState state, SchemaStore store, Arns arns, Limits limits, Clock clock) {
        this.state = state;
        this.store = store;
        this.arns = arns;
        this.limits = limits;
        this.clock = clock;
    }

    RegistryState state() {
        return state;
    }

    Arns arns() {
        return arns;
    }

    Limits limits() {
        return limits;
    }

    String now() {
        return clock.instant().toString();
    }

    /**
     * Runs a change of the registry: one at a time on this node, against state that includes every write
     * acknowledged before (by any node), so that the checks it makes (names free, quotas, compatibility) hold. When
     * another node wrote in between, the change is run again on the newer state; after a few such conflicts it is
     * refused with Glue's ConcurrentModificationException.
     */
    synchronized <T> T change(Supplier<T> operation) {
        for (int attempt = 1; ; attempt++) {
            // take the writer's id first, then read: a write another node makes after the claim fails ours
            store.claimWriter();
            store.catchUp();
            try {
                return operation.get();
            } catch (WriteConflictException e) {
                LOG.info("{}; checking again (attempt {} of {})", e.getMessage(), attempt, MAX_ATTEMPTS);
                if (attempt == MAX_ATTEMPTS) {
                    throw new RegistryException(ErrorCode.CONCURRENT_MODIFICATION, "Other changes to the registry"
                            + " kept overtaking this one (" + MAX_ATTEMPTS + " attempts); try again");
                }
            }
        }
    }

    /** Waits until this node's state holds every write acknowledged before (by any node). */
    void catchUp() {
        store.catchUp();
    }

    /** Writes the changes as one, returning once this node's state shows them. Call inside {@link #change}. */
    void write(List<Change> changes) {
        store.write(RegistryState.withGlobalIdMark(changes));
    }
}

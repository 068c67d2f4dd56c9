package dev.sluice.connect.cdc;

import io.debezium.pipeline.ChangeEventSourceCoordinator;
import java.lang.reflect.Field;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What Sluice's tasks change in Debezium 3.6.1's metrics after each capture (re)start ({@link #installAll}), and the
 * reflection both changes share. Debezium has no hook for them: it makes its metrics with {@code new} and keeps their
 * parts in private final fields, which {@link LazyLastEvent} and {@link DirectLagMeasurement} replace. Their fields
 * are looked up once; if a Debezium upgrade renames one, the change logs a warning and leaves Debezium as it is.
 */
public final class DebeziumMetricsSwaps {

    private static final Logger log = LoggerFactory.getLogger(DebeziumMetricsSwaps.class);

    /** Replaces a part of one metrics object; false if the object is not one it applies to. */
    @FunctionalInterface
    interface Swap {
        boolean installOn(Object metrics) throws IllegalAccessException;
    }

    private DebeziumMetricsSwaps() {
    }

    /** The JMX {@code LastEvent} rendered when read, and the streaming lag measured on the capture thread. */
    public static void installAll(ChangeEventSourceCoordinator<?, ?> coordinator) {
        LazyLastEvent.install(coordinator);
        DirectLagMeasurement.install(coordinator);
    }

    /** A private field, made accessible. */
    static Field field(Class<?> type, String name) throws NoSuchFieldException {
        Field field = type.getDeclaredField(name);
        field.setAccessible(true);
        return field;
    }

    /**
     * Runs {@code swap} on the metrics objects that {@code metricsFields} hold in a started coordinator, or logs why
     * not, saying what stays as Debezium has it.
     *
     * @param unavailable why the swap's fields could not be found, or null when they were
     * @param unchanged   what stays as it is when the swap cannot be made, for the warning
     */
    static void install(ChangeEventSourceCoordinator<?, ?> coordinator, RuntimeException unavailable,
            String unchanged, Swap swap, Field... metricsFields) {
        if (coordinator == null) {
            return;
        }
        if (unavailable != null) {
            log.warn(unchanged, unavailable);
            return;
        }
        try {
            for (Field metrics : metricsFields) {
                swap.installOn(metrics.get(coordinator));
            }
        } catch (IllegalAccessException | RuntimeException e) {
            log.warn(unchanged, e);
        }
    }
}

package dev.sluice.schema.confluent;

import dev.sluice.schema.compatibility.Compatibility;

/** Confluent's compatibility levels as Glue's modes: the TRANSITIVE levels are Glue's _ALL ones. */
final class ConfluentCompatibility {

    private ConfluentCompatibility() {
    }

    static String of(Compatibility mode) {
        return mode.name().replace("_ALL", "_TRANSITIVE");
    }

    static Compatibility parse(String level) {
        if (level != null) {
            try {
                return Compatibility.valueOf(level.replace("_TRANSITIVE", "_ALL"));
            } catch (IllegalArgumentException e) {
                // answered below
            }
        }
        throw new ConfluentException(422, 42203, "Invalid compatibility level " + level + ". Valid values are none,"
                + " backward, forward, full, backward_transitive, forward_transitive, and full_transitive");
    }
}

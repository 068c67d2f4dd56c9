package dev.sluice.schema.compatibility;

import dev.sluice.schema.format.ParsedSchema;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Decides whether a new version may follow the earlier ones under a compatibility mode, and if not, why. */
public final class CompatibilityChecker {

    /** An earlier version of the schema. */
    public record Earlier(long versionNumber, ParsedSchema schema) {
    }

    private CompatibilityChecker() {
    }

    /**
     * The incompatibility that refuses {@code candidate}, naming the version and the rule broken; empty when it is
     * accepted.
     *
     * @param earlier the versions to check against, oldest first (the available ones since the checkpoint)
     */
    public static Optional<String> check(Compatibility mode, ParsedSchema candidate, List<Earlier> earlier) {
        if (mode == Compatibility.NONE || earlier.isEmpty()) {
            return Optional.empty(); // a schema's first version (or first since its checkpoint) has nothing to break
        }
        if (mode == Compatibility.DISABLED) {
            return Optional.of("Compatibility DISABLED does not allow new versions of the schema");
        }
        ReadRules rules = ReadRules.of(candidate.dataFormat());
        List<Earlier> against = mode.all() ? earlier : List.of(earlier.get(earlier.size() - 1));
        List<String> problems = new ArrayList<>();
        for (Earlier version : against) {
            if (mode.backward()) {
                rules.problems(candidate, version.schema()).forEach(problem -> problems.add("reading data of version "
                        + version.versionNumber() + " with the new version: " + problem));
            }
            if (mode.forward()) {
                rules.problems(version.schema(), candidate).forEach(problem -> problems.add("reading data of the new "
                        + "version with version " + version.versionNumber() + ": " + problem));
            }
        }
        if (problems.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("Schema is not " + mode + " compatible: " + String.join("; ", problems));
    }
}

package dev.sluice.runtime.mskconnect;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Collects every problem of a request (required members, lengths) so that one BadRequest names them all. */
public final class Inputs {

    private final List<String> problems = new ArrayList<>();

    public Inputs required(String member, Object value) {
        if (value == null || (value instanceof String s && s.isEmpty())) {
            problems.add(member + " is required");
        }
        return this;
    }

    public Inputs length(String member, String value, int min, int max) {
        if (value != null && (value.length() < min || value.length() > max)) {
            problems.add(member + " must be " + min + " to " + max + " characters long, was " + value.length());
        }
        return this;
    }

    public Inputs tags(String member, Map<String, String> tags) {
        if (tags != null) {
            if (tags.size() > 200) {
                problems.add(member + " may hold at most 200 tags, had " + tags.size());
            }
            tags.forEach((k, v) -> {
                if (k == null || k.isEmpty() || k.length() > 128) {
                    problems.add(member + " key '" + k + "' must be 1 to 128 characters long");
                }
                if (v != null && v.length() > 256) {
                    problems.add(member + " value of '" + k + "' must be at most 256 characters long");
                }
            });
        }
        return this;
    }

    public Inputs problem(String message) {
        problems.add(message);
        return this;
    }

    public Inputs problems(List<String> messages) {
        problems.addAll(messages);
        return this;
    }

    public List<String> problems() {
        return List.copyOf(problems);
    }

    public boolean hasProblems() {
        return !problems.isEmpty();
    }

    /** Throws a BadRequest naming every problem found, if any. */
    public void check() {
        if (!problems.isEmpty()) {
            throw new dev.sluice.runtime.mskconnect.errors.MskConnectException.BadRequest(String.join("; ", problems));
        }
    }
}

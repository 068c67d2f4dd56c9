package dev.sluice.schema.confluent;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

/** A request path split into segments; its pattern has {@code *} for each segment that is a name or number. */
record ConfluentPath(List<String> segments, String pattern) {

    private static final Set<String> LITERALS = Set.of("subjects", "versions", "schema", "schemas", "ids", "types",
            "config", "compatibility");

    static ConfluentPath parse(String path) {
        String trimmed = path.startsWith("/") ? path.substring(1) : path;
        List<String> segments = List.of(trimmed.split("/", -1)).stream()
                .map(s -> URLDecoder.decode(s, StandardCharsets.UTF_8)).toList();
        StringBuilder pattern = new StringBuilder();
        for (int i = 0; i < segments.size(); i++) {
            // The first segment, and the keywords after a name, are literals; everything else is a parameter.
            boolean literal = i == 0 || (LITERALS.contains(segments.get(i)) && isParameterBefore(segments, i));
            pattern.append('/').append(literal ? segments.get(i) : "*");
        }
        return new ConfluentPath(segments, pattern.toString());
    }

    private static boolean isParameterBefore(List<String> segments, int i) {
        String first = segments.get(0);
        return switch (first) {
            case "subjects", "config" -> i % 2 == 0;
            case "schemas" -> i == 1 || (i == 3 && segments.get(1).equals("ids") && segments.get(i).equals("schema"));
            case "compatibility" -> i == 1 || i == 3;
            default -> false;
        };
    }

    String get(int index) {
        return segments.get(index);
    }

    @Override
    public String toString() {
        return "/" + String.join("/", segments);
    }
}

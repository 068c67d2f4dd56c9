package dev.sluice.schema.glue;

import java.util.ArrayList;
import java.util.List;

/** A line diff of two definitions (longest common subsequence), printed as '-' and '+' lines around ' ' ones. */
final class LineDiff {

    private LineDiff() {
    }

    static String unified(String before, String after, String beforeName, String afterName) {
        String[] a = pretty(before).split("\n", -1);
        String[] b = pretty(after).split("\n", -1);
        int[][] common = new int[a.length + 1][b.length + 1];
        for (int i = a.length - 1; i >= 0; i--) {
            for (int j = b.length - 1; j >= 0; j--) {
                common[i][j] = a[i].equals(b[j]) ? common[i + 1][j + 1] + 1
                        : Math.max(common[i + 1][j], common[i][j + 1]);
            }
        }
        List<String> lines = new ArrayList<>(List.of("--- " + beforeName, "+++ " + afterName));
        int i = 0;
        int j = 0;
        while (i < a.length || j < b.length) {
            if (i < a.length && j < b.length && a[i].equals(b[j])) {
                lines.add(" " + a[i++]);
                j++;
            } else if (j < b.length && (i == a.length || common[i][j + 1] >= common[i + 1][j])) {
                lines.add("+" + b[j++]);
            } else {
                lines.add("-" + a[i++]);
            }
        }
        return String.join("\n", lines);
    }

    /** Definitions are often one line of JSON; a diff of those says little, so JSON is laid out first. */
    private static String pretty(String definition) {
        String trimmed = definition.trim();
        if (trimmed.startsWith("{") || trimmed.startsWith("[")) {
            try {
                var json = new com.fasterxml.jackson.databind.ObjectMapper();
                return json.writerWithDefaultPrettyPrinter().writeValueAsString(json.readTree(trimmed));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                return definition;
            }
        }
        return definition;
    }
}

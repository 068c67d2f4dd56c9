package dev.sluice.connect.common.docs;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.ConfigKey;
import org.apache.kafka.common.config.types.Password;

/**
 * Renders a {@link ConfigDef} as Markdown: one table per group, in the order the groups were defined, with each
 * key's type, default, valid values, importance and documentation.
 *
 * <p>Each connector renders its reference page with it, checks the page in, and has a test that fails when the page
 * drifts from its {@code CONFIG_DEF} ({@code ConfigDocsCheck} in this module's test-jar).
 */
public final class ConfigDocs {

    private static final String OTHER_GROUP = "Other";

    private ConfigDocs() {
    }

    /**
     * @param title the page's heading
     * @param intro Markdown put under the heading
     */
    public static String markdown(String title, String intro, ConfigDef def) {
        var out = new StringBuilder();
        out.append("# ").append(title).append("\n\n").append(intro.strip()).append("\n");
        groups(def).forEach((group, keys) -> {
            out.append("\n## ").append(group).append("\n\n");
            out.append("| Key | Type | Default | Valid values | Importance | Description |\n");
            out.append("| --- | --- | --- | --- | --- | --- |\n");
            for (ConfigKey key : keys) {
                out.append("| `").append(key.name).append("` | ")
                        .append(key.type.name().toLowerCase(Locale.ROOT)).append(" | ")
                        .append(cell(defaultValue(key))).append(" | ")
                        .append(cell(key.validator == null ? "" : key.validator.toString())).append(" | ")
                        .append(key.importance.name().toLowerCase(Locale.ROOT)).append(" | ")
                        .append(cell(key.documentation)).append(" |\n");
            }
        });
        return out.toString();
    }

    private static Map<String, List<ConfigKey>> groups(ConfigDef def) {
        Map<String, List<ConfigKey>> groups = new LinkedHashMap<>();
        def.groups().forEach(group -> groups.put(group, new ArrayList<>()));
        for (ConfigKey key : def.configKeys().values()) {
            groups.computeIfAbsent(key.group == null ? OTHER_GROUP : key.group, g -> new ArrayList<>()).add(key);
        }
        groups.values().forEach(keys -> keys.sort(Comparator.comparingInt((ConfigKey k) -> k.orderInGroup)
                .thenComparing(k -> k.name)));
        return groups;
    }

    private static String defaultValue(ConfigKey key) {
        if (key.defaultValue == ConfigDef.NO_DEFAULT_VALUE) {
            return "*(required)*";
        }
        if (key.defaultValue == null) {
            return "*(none)*";
        }
        if (key.defaultValue instanceof Password password) {
            return password.value() == null || password.value().isEmpty() ? "`\"\"`" : "*(hidden)*";
        }
        String text = ConfigDef.convertToString(key.defaultValue, key.type);
        return text.isEmpty() ? "`\"\"`" : "`" + text + "`";
    }

    /** Keeps a value on one table row, and angle brackets from being read as HTML. */
    private static String cell(String text) {
        return text.replace("|", "\\|").replace("<", "&lt;").replace(">", "&gt;").replace("\r", "")
                .replace("\n", " ");
    }
}

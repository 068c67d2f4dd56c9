package dev.sluice.runtime.metrics;

import com.codahale.metrics.Snapshot;

import java.io.PrintWriter;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** Writes samples in the Prometheus text format, one TYPE line per metric family. */
final class PrometheusText {

    private final PrintWriter out;
    private final Set<String> typed = new HashSet<>();

    PrometheusText(PrintWriter out) {
        this.out = out;
    }

    void sample(String rawName, String type, Map<String, String> labels, double value) {
        String name = metricName(rawName);
        if (typed.add(name)) {
            out.append("# TYPE ").append(name).append(' ').append(type).append('\n');
        }
        out.append(name);
        if (!labels.isEmpty()) {
            out.append('{');
            boolean first = true;
            for (Map.Entry<String, String> label : labels.entrySet()) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                out.append(metricName(label.getKey())).append("=\"").append(escape(label.getValue())).append('"');
            }
            out.append('}');
        }
        out.append(' ').append(format(value)).append('\n');
    }

    void summary(String rawName, long count, Snapshot snapshot, double scale) {
        String name = metricName(rawName);
        if (typed.add(name)) {
            out.append("# TYPE ").append(name).append(" summary\n");
        }
        for (double q : new double[] {0.5, 0.75, 0.95, 0.99}) {
            out.append(name).append("{quantile=\"").append(Double.toString(q)).append("\"} ")
                    .append(format(snapshot.getValue(q) * scale)).append('\n');
        }
        out.append(name).append("_count ").append(Long.toString(count)).append('\n');
    }

    static String metricName(String raw) {
        StringBuilder b = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == ':'
                    || (i > 0 && c >= '0' && c <= '9');
            b.append(ok ? c : '_');
        }
        return b.toString();
    }

    private static String escape(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }

    private static String format(double v) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "+Inf" : "-Inf";
        }
        return Double.toString(v);
    }
}

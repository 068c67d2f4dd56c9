package dev.sluice.bench;

import java.util.Collection;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;

/**
 * Waits until the node has retired deleted connectors: stopped each one's Connect cluster and deleted its internal
 * topics {@code __sluice_(configs|offsets|status)_<name>_<id>}, which it does in the background after the DELETE.
 */
public final class RetiredConnectors {

    private final Admin admin;
    private final Poller poller;

    public RetiredConnectors(Admin admin, Poller poller) {
        this.admin = admin;
        this.poller = poller;
    }

    /** The internal topics of the Connect cluster of the connector {@code name}. */
    public static Pattern internalTopics(String name) {
        return Pattern.compile("__sluice_(configs|offsets|status)_" + Pattern.quote(name) + "_[0-9a-f]{8}");
    }

    public void await(Collection<String> names) throws Exception {
        List<Pattern> patterns = names.stream().map(RetiredConnectors::internalTopics).toList();
        poller.until(() -> remaining(patterns).isEmpty(),
                () -> "the Connect clusters of deleted connectors to be removed; internal topics left: "
                        + remainingQuietly(patterns));
    }

    private List<String> remaining(List<Pattern> patterns) throws Exception {
        return admin.listTopics().names().get(30, TimeUnit.SECONDS).stream()
                .filter(topic -> patterns.stream().anyMatch(p -> p.matcher(topic).matches()))
                .sorted().toList();
    }

    private String remainingQuietly(List<Pattern> patterns) {
        try {
            return remaining(patterns).toString();
        } catch (Exception e) {
            return "(cannot list topics: " + e + ")";
        }
    }
}

package dev.sluice.runtime.mskconnect.workerconfig;

import java.util.List;
import java.util.Map;

/**
 * A worker configuration as the control plane stores it: every revision, newest last.
 *
 * @param state {@code ACTIVE}, or {@code DELETING} while it is being removed
 */
public record WorkerConfiguration(
        String arn, String name, String description, String creationTime, List<Revision> revisions,
        Map<String, String> tags, String state) {

    public record Revision(long revision, String description, String propertiesFileContent, String creationTime) {
    }

    public Revision latest() {
        return revisions.get(revisions.size() - 1);
    }
}

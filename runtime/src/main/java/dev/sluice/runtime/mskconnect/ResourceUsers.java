package dev.sluice.runtime.mskconnect;

import dev.sluice.runtime.mskconnect.errors.MskConnectException;

import java.util.List;

/**
 * Which connectors use a custom plugin or a worker configuration. A resource in use cannot be deleted: a
 * connector whose plugin files or worker properties were gone could not be rebuilt when its node restarts.
 */
@FunctionalInterface
public interface ResourceUsers {

    /** The names of the connectors created with the resource of this ARN. */
    List<String> connectorsUsing(String arn);

    /** Throws a BadRequest naming the connectors if any uses the resource. */
    default void requireUnused(String arn, String what) {
        List<String> users = connectorsUsing(arn);
        if (!users.isEmpty()) {
            throw new MskConnectException.BadRequest("The " + what + " " + arn + " is used by "
                    + (users.size() == 1 ? "connector " : "connectors ") + String.join(", ", users)
                    + "; delete " + (users.size() == 1 ? "it" : "them") + " first");
        }
    }
}

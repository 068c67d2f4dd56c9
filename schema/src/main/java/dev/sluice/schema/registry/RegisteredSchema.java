package dev.sluice.schema.registry;

import dev.sluice.schema.compatibility.Compatibility;
import dev.sluice.schema.format.DataFormat;

import java.util.Map;

/**
 * A schema: a named line of versions in a registry. {@code nextVersion} is the number the next version gets;
 * numbers are never reused, even after their version is deleted. {@code checkpoint} is the first version the
 * {@code _ALL} compatibility modes check against.
 */
public record RegisteredSchema(String registryName, String name, DataFormat dataFormat, Compatibility compatibility,
                               String description, String status, long checkpoint, long latestVersion,
                               long nextVersion, String createdTime, String updatedTime, Map<String, String> tags) {

    public RegisteredSchema {
        tags = tags == null ? Map.of() : Map.copyOf(tags);
    }

    public RegisteredSchema withVersionAdded(long number, String now) {
        return new RegisteredSchema(registryName, name, dataFormat, compatibility, description, status, checkpoint,
                number, number + 1, createdTime, now, tags);
    }

    /** A version that failed its compatibility check takes its number; the latest version stays the latest. */
    public RegisteredSchema withFailedVersionAdded(long number, String now) {
        return new RegisteredSchema(registryName, name, dataFormat, compatibility, description, status, checkpoint,
                latestVersion, number + 1, createdTime, now, tags);
    }

    public RegisteredSchema withLatestVersion(long number, String now) {
        return new RegisteredSchema(registryName, name, dataFormat, compatibility, description, status, checkpoint,
                number, nextVersion, createdTime, now, tags);
    }

    public RegisteredSchema withSettings(Compatibility newCompatibility, String newDescription, long newCheckpoint,
                                         String now) {
        return new RegisteredSchema(registryName, name, dataFormat, newCompatibility, newDescription, status,
                newCheckpoint, latestVersion, nextVersion, createdTime, now, tags);
    }

    public RegisteredSchema withTags(Map<String, String> newTags) {
        return new RegisteredSchema(registryName, name, dataFormat, compatibility, description, status, checkpoint,
                latestVersion, nextVersion, createdTime, updatedTime, newTags);
    }
}

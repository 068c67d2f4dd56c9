package dev.sluice.runtime.mskconnect.plugin;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

import static dev.sluice.runtime.mskconnect.plugin.Inspection.Rejected.ARCHIVE_TOO_LARGE;
import static dev.sluice.runtime.mskconnect.plugin.Inspection.Rejected.CONTENT_TYPE_MISMATCH;
import static dev.sluice.runtime.mskconnect.plugin.Inspection.Rejected.INVALID_ARCHIVE;
import static dev.sluice.runtime.mskconnect.plugin.Inspection.Rejected.NO_JAR_FILES;
import static dev.sluice.runtime.mskconnect.plugin.Inspection.Rejected.UNSAFE_ENTRY;

/**
 * Puts the jars of an uploaded ZIP or JAR into {@code lib/}, the layout Kafka Connect scans. Only jar files are
 * written, flattened to their base names; nothing else in a ZIP (docs, licences) is needed by Connect.
 */
final class ArchiveInstaller {

    /** A jar written to {@code lib/}, and where it came from, for messages. */
    record InstalledJar(Path file, String origin) {
    }

    private static final Pattern DRIVE_LETTER = Pattern.compile("^[A-Za-z]:.*");
    private static final int MAX_LISTED = 5;

    private final PluginArchiveInspector.Limits limits;

    ArchiveInstaller(PluginArchiveInspector.Limits limits) {
        this.limits = limits;
    }

    List<InstalledJar> install(Path archive, String contentType, Path lib) throws ArchiveRejected, IOException {
        String fileName = archive.getFileName().toString();
        FileSignature signature = FileSignature.of(archive);
        if (!signature.isZip()) {
            String expected = contentType.equals("JAR") ? "a JAR (ZIP) archive" : "a ZIP archive";
            throw new ArchiveRejected(INVALID_ARCHIVE, "The file " + fileName + " is not " + expected
                    + " (it starts with " + signature.describe() + "). Upload a .zip of the plugin's jars or a single .jar");
        }
        try (ZipFile zip = new ZipFile(archive.toFile())) {
            Contents contents = survey(zip, fileName);
            return contentType.equals("JAR")
                    ? installJar(archive, fileName, contents, lib)
                    : installZip(zip, fileName, contents, lib);
        } catch (ZipException e) {
            throw new ArchiveRejected(INVALID_ARCHIVE, "The file " + fileName + " is a corrupt ZIP archive ("
                    + e.getMessage() + "). Re-create it, e.g. with `zip -r`, and upload it again");
        }
    }

    private record Contents(List<String> jars, List<String> classes, List<String> others) {
    }

    /** Checks every entry name and the entry count before anything is written. */
    private Contents survey(ZipFile zip, String fileName) throws ArchiveRejected {
        if (zip.size() > limits.maxEntries()) {
            throw new ArchiveRejected(ARCHIVE_TOO_LARGE, "The file " + fileName + " has " + zip.size()
                    + " entries, more than the " + limits.maxEntries() + " allowed");
        }
        var contents = new Contents(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        for (var entries = zip.entries(); entries.hasMoreElements(); ) {
            ZipEntry entry = entries.nextElement();
            String name = entry.getName();
            if (isUnsafe(name)) {
                throw new ArchiveRejected(UNSAFE_ENTRY, "The file " + fileName + " contains the entry \"" + name
                        + "\", whose path leaves the archive's directory (absolute, or with \"..\"). "
                        + "Re-create the archive with relative paths only");
            }
            String lower = name.toLowerCase(Locale.ROOT);
            if (entry.isDirectory()) {
                continue;
            } else if (lower.endsWith(".jar")) {
                contents.jars().add(name);
            } else if (lower.endsWith(".class")) {
                contents.classes().add(name);
            } else {
                contents.others().add(name);
            }
        }
        return contents;
    }

    static boolean isUnsafe(String name) {
        String path = name.replace('\\', '/');
        if (path.startsWith("/") || DRIVE_LETTER.matcher(path).matches() || path.indexOf('\0') >= 0) {
            return true;
        }
        for (String segment : path.split("/")) {
            if (segment.equals("..")) {
                return true;
            }
        }
        return false;
    }

    private List<InstalledJar> installJar(Path archive, String fileName, Contents contents, Path lib)
            throws ArchiveRejected, IOException {
        if (contents.classes().isEmpty() && !contents.jars().isEmpty()) {
            throw new ArchiveRejected(CONTENT_TYPE_MISMATCH, "The file " + fileName + " was declared as a JAR but "
                    + "holds no classes, only jar files (" + listed(contents.jars()) + "): it is a ZIP of jars. "
                    + "Create the custom plugin with content type ZIP");
        }
        String target = fileName.toLowerCase(Locale.ROOT).endsWith(".jar") ? fileName : fileName + ".jar";
        Path file = lib.resolve(target);
        Files.copy(archive, file);
        return List.of(new InstalledJar(file, fileName));
    }

    private List<InstalledJar> installZip(ZipFile zip, String fileName, Contents contents, Path lib)
            throws ArchiveRejected, IOException {
        if (contents.jars().isEmpty()) {
            if (!contents.classes().isEmpty()) {
                throw new ArchiveRejected(CONTENT_TYPE_MISMATCH, "The file " + fileName + " was declared as a ZIP but "
                        + "holds classes and no jar files (e.g. " + listed(contents.classes()) + "): it is a JAR. "
                        + "Create the custom plugin with content type JAR, or zip the jar (e.g. as myplugin/lib/plugin.jar)");
            }
            throw new ArchiveRejected(NO_JAR_FILES, "The file " + fileName + " contains no .jar files"
                    + (contents.others().isEmpty() ? " (it is empty)" : " (found: " + listed(contents.others()) + ")")
                    + ". Put the connector's jar and its dependencies in the ZIP, e.g. under myplugin/lib/");
        }
        var written = new ArrayList<InstalledJar>();
        Set<String> taken = new HashSet<>();
        long budget = limits.maxUnpackedBytes();
        for (String name : contents.jars()) {
            Path file = lib.resolve(uniqueName(baseName(name), taken, fileName, name));
            if (!lib.equals(file.getParent())) {
                throw new ArchiveRejected(UNSAFE_ENTRY, "The file " + fileName + " contains the entry \"" + name
                        + "\", which cannot be installed safely. Rename it");
            }
            budget -= copyAtMost(zip, zip.getEntry(name), file, budget, fileName);
            written.add(new InstalledJar(file, name));
        }
        return written;
    }

    /** Counts the bytes really inflated: the sizes an entry declares may lie. */
    private long copyAtMost(ZipFile zip, ZipEntry entry, Path file, long budget, String fileName)
            throws ArchiveRejected, IOException {
        byte[] buffer = new byte[64 * 1024];
        long copied = 0;
        try (InputStream in = zip.getInputStream(entry);
             OutputStream out = Files.newOutputStream(file, StandardOpenOption.CREATE_NEW)) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                copied += n;
                if (copied > budget) {
                    throw new ArchiveRejected(ARCHIVE_TOO_LARGE, "The file " + fileName + " unpacks to more than "
                            + limits.maxUnpackedBytes() + " bytes of jars (stopped at " + entry.getName()
                            + "). Remove unneeded dependencies");
                }
                out.write(buffer, 0, n);
            }
        } catch (ZipException e) {
            throw new ArchiveRejected(INVALID_ARCHIVE, "The entry " + entry.getName() + " of " + fileName
                    + " is corrupt (" + e.getMessage() + "). Re-create the archive and upload it again");
        }
        return copied;
    }

    private static String baseName(String entryName) {
        String path = entryName.replace('\\', '/');
        return path.substring(path.lastIndexOf('/') + 1);
    }

    /** Two directories of a ZIP may hold jars of the same name; flattened into lib/ they must not collide. */
    private static String uniqueName(String base, Set<String> taken, String fileName, String entryName)
            throws ArchiveRejected {
        String stem = base.substring(0, base.length() - ".jar".length());
        if (stem.isEmpty()) {
            stem = "unnamed";
        }
        String candidate = stem + ".jar";
        for (int i = 2; !taken.add(candidate.toLowerCase(Locale.ROOT)); i++) {
            candidate = stem + "-" + i + ".jar";
        }
        try {
            Path.of(candidate);
        } catch (InvalidPathException e) {
            throw new ArchiveRejected(INVALID_ARCHIVE, "The file " + fileName + " contains the entry \"" + entryName
                    + "\", whose name is not a valid file name (" + e.getReason() + "). Rename it");
        }
        return candidate;
    }

    static String listed(List<String> names) {
        return names.size() <= MAX_LISTED
                ? String.join(", ", names)
                : String.join(", ", names.subList(0, MAX_LISTED)) + " and " + (names.size() - MAX_LISTED) + " more";
    }
}

package dev.sluice.runtime.mskconnect.plugin;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;

/** Recognises a ZIP/JAR by its first bytes, and otherwise says in words what the file looks like. */
final class FileSignature {

    private static final int HEAD = 16;

    private final byte[] head;

    private FileSignature(byte[] head) {
        this.head = head;
    }

    static FileSignature of(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return new FileSignature(in.readNBytes(HEAD));
        }
    }

    /** A local file header, or the end record of an empty archive; JARs are ZIPs too. */
    boolean isZip() {
        return startsWith(0x50, 0x4b, 0x03, 0x04) || startsWith(0x50, 0x4b, 0x05, 0x06);
    }

    /** Completes "it starts with ...". */
    String describe() {
        if (head.length == 0) {
            return "nothing: the file is empty";
        }
        String bytes = HexFormat.ofDelimiter(" ").formatHex(head, 0, Math.min(head.length, 8));
        String kind = kind();
        String text = printable();
        return "bytes " + bytes + (text.isEmpty() ? "" : " \"" + text + "\"") + (kind.isEmpty() ? "" : ", " + kind);
    }

    private String kind() {
        if (startsWith(0x1f, 0x8b)) {
            return "a gzip stream (a .tar.gz or .gz is not supported: repackage it as a .zip)";
        } else if (startsWith('%', 'P', 'D', 'F')) {
            return "a PDF document";
        } else if (startsWith('R', 'a', 'r', '!')) {
            return "a RAR archive (repackage it as a .zip)";
        } else if (startsWith('7', 'z', 0xbc, 0xaf)) {
            return "a 7-Zip archive (repackage it as a .zip)";
        } else if (startsWith(0xca, 0xfe, 0xba, 0xbe)) {
            return "a single .class file (package classes in a .jar)";
        } else if (startsWith(0x7f, 'E', 'L', 'F')) {
            return "an ELF executable";
        } else if (startsWith('<')) {
            return "HTML or XML text (an error page saved instead of the file?)";
        } else if (isText()) {
            return "plain text";
        }
        return "";
    }

    private String printable() {
        var text = new StringBuilder();
        for (byte b : head) {
            if (b < 0x20 || b > 0x7e) {
                break;
            }
            text.append((char) b);
        }
        return text.length() < 2 ? "" : text.toString();
    }

    private boolean isText() {
        for (byte b : head) {
            if ((b < 0x20 || b > 0x7e) && b != '\n' && b != '\r' && b != '\t') {
                return false;
            }
        }
        return true;
    }

    private boolean startsWith(int... prefix) {
        if (head.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((head[i] & 0xff) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}

package dev.sluice.lambdahost;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static dev.sluice.lambdahost.FunctionValidationTest.assertInvalid;
import static org.assertj.core.api.Assertions.assertThat;

class CodePackageTest {

    @TempDir
    Path dir;

    @Test
    void aPackageIsUnpackedWithClassesAtTheRootAndJarsInLib() throws Exception {
        Map<String, String> entries = new LinkedHashMap<>();
        entries.put("example/Handler.class", "class bytes");
        entries.put("lib/", "");
        entries.put("lib/library.jar", "jar bytes");
        byte[] zip = zip(entries);

        CodePackage code = CodePackage.of(zip);
        code.unpackTo(dir.resolve("code"));

        assertThat(dir.resolve("code/example/Handler.class")).hasContent("class bytes");
        assertThat(dir.resolve("code/lib/library.jar")).hasContent("jar bytes");
        assertThat(code.size()).isEqualTo(zip.length);
        assertThat(code.sha256()).isEqualTo(
                Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(zip)));
    }

    @Test
    void whatIsNotAZipIsRefusedWithLambdasMessage() {
        assertInvalid(() -> CodePackage.of("not a zip".getBytes(StandardCharsets.UTF_8)),
                "Could not unzip uploaded file. Please check your file, then try to upload again.");
        assertInvalid(() -> CodePackage.of(new byte[0]), "Could not unzip uploaded file");
        assertInvalid(() -> CodePackage.of(null), "Could not unzip uploaded file");
    }

    @Test
    void anEntryThatWouldLandOutsideTheFolderIsRefused() throws IOException {
        CodePackage code = CodePackage.of(zip(Map.of("../escaped.class", "x")));

        assertInvalid(() -> {
            try {
                code.unpackTo(dir.resolve("code"));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }, "outside the package's folder");
        assertThat(dir.resolve("escaped.class")).doesNotExist();
    }

    static byte[] zip(Map<String, String> entries) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, String> entry : entries.entrySet()) {
                out.putNextEntry(new ZipEntry(entry.getKey()));
                out.write(entry.getValue().getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
        return bytes.toByteArray();
    }
}

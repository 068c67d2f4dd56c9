package dev.sluice.runtime.mskconnect.plugin;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static dev.sluice.runtime.mskconnect.plugin.TestArchives.CONNECTOR;
import static dev.sluice.runtime.mskconnect.plugin.TestArchives.CONVERTER;
import static dev.sluice.runtime.mskconnect.plugin.TestArchives.utf8;
import static dev.sluice.runtime.mskconnect.plugin.TestArchives.zip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PluginArchiveInspectorTest {

    @TempDir
    Path temp;

    private TestArchives archives;
    private Path plugins;
    private Path pluginDir;
    private final PluginArchiveInspector inspector = new PluginArchiveInspector();

    @BeforeEach
    void setUp() throws IOException {
        archives = new TestArchives(Files.createDirectories(temp.resolve("work")));
        plugins = Files.createDirectories(temp.resolve("plugins"));
        pluginDir = plugins.resolve("hello-plugin");
    }

    @Test
    void installsAZipWithJarsNestedUnderLibAndFindsTheConnector() {
        var entries = new LinkedHashMap<String, byte[]>();
        entries.put("myplugin/", null);
        entries.put("myplugin/lib/", null);
        entries.put("myplugin/lib/hello-connector-1.0.jar", archives.connectorJar(false));
        entries.put("myplugin/lib/hello-converter-1.0.jar", archives.converterJar());
        entries.put("myplugin/doc/README.md", utf8("# Hello"));
        Path upload = archives.write("hello.zip", zip(entries));

        Inspection inspection = inspector.inspect(upload, "ZIP", pluginDir);

        assertThat(inspection).isEqualTo(new Inspection.Installed(List.of(CONNECTOR), List.of(CONVERTER), List.of(),
                List.of(), List.of(), List.of(), false));
        assertThat(files(pluginDir)).containsExactly("lib/hello-connector-1.0.jar", "lib/hello-converter-1.0.jar");
    }

    @Test
    void installsASingleJarAndSeesItsServiceLoaderManifest() {
        Path upload = archives.write("hello-connector-1.0.jar", archives.connectorJar(true));

        Inspection inspection = inspector.inspect(upload, "JAR", pluginDir);

        assertThat(inspection).isInstanceOfSatisfying(Inspection.Installed.class, installed -> {
            assertThat(installed.connectors()).containsExactly(CONNECTOR);
            assertThat(installed.converters()).isEmpty();
            assertThat(installed.hasServiceLoaderManifests()).isTrue();
        });
        assertThat(files(pluginDir)).containsExactly("lib/hello-connector-1.0.jar");
    }

    @Test
    void rejectsAFileThatIsNotAZipSayingWhatItStartsWith() {
        Path upload = archives.write("plugin.zip", utf8("<html><body>Access denied</body></html>"));

        Inspection inspection = inspector.inspect(upload, "ZIP", pluginDir);

        assertThat(inspection).isInstanceOfSatisfying(Inspection.Rejected.class, rejected -> {
            assertThat(rejected.code()).isEqualTo(Inspection.Rejected.INVALID_ARCHIVE);
            assertThat(rejected.message()).contains("plugin.zip is not a ZIP archive", "starts with", "<html>", "HTML");
        });
        assertThat(pluginDir).doesNotExist();
    }

    @Test
    void rejectsACorruptZip() {
        byte[] truncated = java.util.Arrays.copyOf(zip(Map.of("lib/a.jar", archives.converterJar())), 40);
        Path upload = archives.write("broken.zip", truncated);

        Inspection inspection = inspector.inspect(upload, "ZIP", pluginDir);

        assertThat(inspection).isInstanceOfSatisfying(Inspection.Rejected.class, rejected -> {
            assertThat(rejected.code()).isEqualTo(Inspection.Rejected.INVALID_ARCHIVE);
            assertThat(rejected.message()).contains("broken.zip is a corrupt ZIP archive");
        });
        assertThat(pluginDir).doesNotExist();
    }

    @Test
    void rejectsAZipWithoutAConnectorListingWhatItFound() {
        Path upload = archives.write("converters.zip",
                zip(Map.of("converters/lib/hello-converter-1.0.jar", archives.converterJar())));

        Inspection inspection = inspector.inspect(upload, "ZIP", pluginDir);

        assertThat(inspection).isInstanceOfSatisfying(Inspection.Rejected.class, rejected -> {
            assertThat(rejected.code()).isEqualTo(Inspection.Rejected.NO_CONNECTOR);
            assertThat(rejected.message()).contains("converters.zip", "org.apache.kafka.connect.connector.Connector",
                    "converters " + CONVERTER, "converters/lib/hello-converter-1.0.jar");
        });
        assertThat(pluginDir).doesNotExist();
    }

    @Test
    void rejectsAZipWithoutJarFiles() {
        Path upload = archives.write("docs.zip", zip(Map.of("myplugin/README.md", utf8("# Hello"))));

        Inspection inspection = inspector.inspect(upload, "ZIP", pluginDir);

        assertThat(inspection).isInstanceOfSatisfying(Inspection.Rejected.class, rejected -> {
            assertThat(rejected.code()).isEqualTo(Inspection.Rejected.NO_JAR_FILES);
            assertThat(rejected.message()).contains("docs.zip contains no .jar files", "myplugin/README.md");
        });
        assertThat(pluginDir).doesNotExist();
    }

    @Test
    void rejectsAZipBundlingKafkaClientsNamingTheJar() {
        var entries = new LinkedHashMap<String, byte[]>();
        entries.put("myplugin/lib/hello-connector-1.0.jar", archives.connectorJar(false));
        entries.put("myplugin/lib/kafka-clients-4.3.1.jar", archives.fakeKafkaClientsJar());
        Path upload = archives.write("fat.zip", zip(entries));

        Inspection inspection = inspector.inspect(upload, "ZIP", pluginDir);

        assertThat(inspection).isInstanceOfSatisfying(Inspection.Rejected.class, rejected -> {
            assertThat(rejected.code()).isEqualTo(Inspection.Rejected.RUNTIME_CLASH);
            assertThat(rejected.message()).contains("myplugin/lib/kafka-clients-4.3.1.jar", "provided")
                    .doesNotContain("hello-connector");
        });
        assertThat(pluginDir).doesNotExist();
    }

    @Test
    void rejectsAShadedJarContainingKafkaClassesWhateverItsName() {
        byte[] shaded = archives.jar(Map.of(), TestArchives.CONNECTOR_SOURCE, TestArchives.TASK_SOURCE,
                TestArchives.FAKE_CLIENTS_SOURCE);
        Path upload = archives.write("hello-connector-all.jar", shaded);

        Inspection inspection = inspector.inspect(upload, "JAR", pluginDir);

        assertThat(inspection).isInstanceOfSatisfying(Inspection.Rejected.class, rejected -> {
            assertThat(rejected.code()).isEqualTo(Inspection.Rejected.RUNTIME_CLASH);
            assertThat(rejected.message()).contains("hello-connector-all.jar", "org/apache/kafka/clients/Fake.class");
        });
    }

    @Test
    void rejectsZipSlipEntriesAndWritesNothingOutsideThePluginDirectory() {
        var entries = new LinkedHashMap<String, byte[]>();
        entries.put("myplugin/lib/hello-connector-1.0.jar", archives.connectorJar(false));
        entries.put("myplugin/lib/../../../evil.jar", archives.converterJar());
        Path upload = archives.write("slip.zip", zip(entries));

        Inspection inspection = inspector.inspect(upload, "ZIP", pluginDir);

        assertThat(inspection).isInstanceOfSatisfying(Inspection.Rejected.class, rejected -> {
            assertThat(rejected.code()).isEqualTo(Inspection.Rejected.UNSAFE_ENTRY);
            assertThat(rejected.message()).contains("slip.zip", "myplugin/lib/../../../evil.jar");
        });
        assertThat(pluginDir).doesNotExist();
        assertThat(files(temp)).noneMatch(name -> name.endsWith("evil.jar"));
        assertThat(plugins).isEmptyDirectory();
    }

    @Test
    void rejectsAZipDeclaredAsAJar() {
        Path upload = archives.write("hello.zip",
                zip(Map.of("myplugin/lib/hello-connector-1.0.jar", archives.connectorJar(false))));

        Inspection inspection = inspector.inspect(upload, "JAR", pluginDir);

        assertThat(inspection).isInstanceOfSatisfying(Inspection.Rejected.class, rejected -> {
            assertThat(rejected.code()).isEqualTo(Inspection.Rejected.CONTENT_TYPE_MISMATCH);
            assertThat(rejected.message()).contains("hello.zip", "content type ZIP");
        });
        assertThat(pluginDir).doesNotExist();
    }

    @Test
    void rejectsAJarDeclaredAsAZip() {
        Path upload = archives.write("hello-connector-1.0.jar", archives.connectorJar(false));

        Inspection inspection = inspector.inspect(upload, "ZIP", pluginDir);

        assertThat(inspection).isInstanceOfSatisfying(Inspection.Rejected.class, rejected -> {
            assertThat(rejected.code()).isEqualTo(Inspection.Rejected.CONTENT_TYPE_MISMATCH);
            assertThat(rejected.message()).contains("hello-connector-1.0.jar", "content type JAR");
        });
    }

    @Test
    void stopsUnpackingAtTheSizeCap() {
        var entries = new LinkedHashMap<String, byte[]>();
        entries.put("myplugin/lib/hello-connector-1.0.jar", archives.connectorJar(false));
        entries.put("myplugin/lib/bomb.jar", new byte[2 << 20]);
        Path upload = archives.write("bomb.zip", zip(entries));
        var capped = new PluginArchiveInspector(new PluginArchiveInspector.Limits(1 << 20, 1_000));

        Inspection inspection = capped.inspect(upload, "ZIP", pluginDir);

        assertThat(inspection).isInstanceOfSatisfying(Inspection.Rejected.class, rejected -> {
            assertThat(rejected.code()).isEqualTo(Inspection.Rejected.ARCHIVE_TOO_LARGE);
            assertThat(rejected.message()).contains("bomb.zip", "myplugin/lib/bomb.jar");
        });
        assertThat(pluginDir).doesNotExist();
    }

    @Test
    void refusesAPluginDirectoryThatIsInUse() throws IOException {
        Files.createDirectories(pluginDir);
        Files.writeString(pluginDir.resolve("keep.txt"), "mine");
        Path upload = archives.write("hello-connector-1.0.jar", archives.connectorJar(false));

        assertThatThrownBy(() -> inspector.inspect(upload, "JAR", pluginDir))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(pluginDir.toString());
        assertThat(pluginDir.resolve("keep.txt")).hasContent("mine");
    }

    private static List<String> files(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            return paths.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString().replace('\\', '/'))
                    .sorted().toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}

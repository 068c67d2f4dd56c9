package dev.sluice.runtime.mskconnect.plugin;

import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.connect.connector.Connector;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Builds real plugin jars (compiled from source, against connect-api) and ZIPs of them, in a temporary directory. */
final class TestArchives {

    static final String CONNECTOR = "com.example.HelloSourceConnector";
    static final String CONVERTER = "com.example.HelloConverter";

    static final String CONNECTOR_SOURCE = """
            package com.example;
            import java.util.List;
            import java.util.Map;
            import org.apache.kafka.common.config.ConfigDef;
            import org.apache.kafka.connect.connector.Task;
            import org.apache.kafka.connect.source.SourceConnector;
            public class HelloSourceConnector extends SourceConnector {
                public void start(Map<String, String> props) { }
                public Class<? extends Task> taskClass() { return HelloSourceTask.class; }
                public List<Map<String, String>> taskConfigs(int maxTasks) { return List.of(); }
                public void stop() { }
                public ConfigDef config() { return new ConfigDef(); }
                public String version() { return "1.0"; }
            }
            """;
    static final String TASK_SOURCE = """
            package com.example;
            import java.util.List;
            import java.util.Map;
            import org.apache.kafka.connect.source.SourceRecord;
            import org.apache.kafka.connect.source.SourceTask;
            public class HelloSourceTask extends SourceTask {
                public void start(Map<String, String> props) { }
                public List<SourceRecord> poll() { return null; }
                public void stop() { }
                public String version() { return "1.0"; }
            }
            """;
    static final String CONVERTER_SOURCE = """
            package com.example;
            import java.util.Map;
            import org.apache.kafka.connect.data.Schema;
            import org.apache.kafka.connect.data.SchemaAndValue;
            import org.apache.kafka.connect.storage.Converter;
            public class HelloConverter implements Converter {
                public void configure(Map<String, ?> configs, boolean isKey) { }
                public byte[] fromConnectData(String topic, Schema schema, Object value) { return new byte[0]; }
                public SchemaAndValue toConnectData(String topic, byte[] value) { return SchemaAndValue.NULL; }
            }
            """;
    static final String FAKE_CLIENTS_SOURCE = """
            package org.apache.kafka.clients;
            public class Fake { }
            """;

    private final Path workDir;
    private int compilations;

    TestArchives(Path workDir) {
        this.workDir = workDir;
    }

    /** A jar of the connector and its task, with a ServiceLoader manifest if asked. */
    byte[] connectorJar(boolean serviceManifest) {
        Map<String, byte[]> extra = serviceManifest
                ? Map.of("META-INF/services/org.apache.kafka.connect.source.SourceConnector", utf8(CONNECTOR + "\n"))
                : Map.of();
        return jar(extra, CONNECTOR_SOURCE, TASK_SOURCE);
    }

    byte[] converterJar() {
        return jar(Map.of(), CONVERTER_SOURCE);
    }

    byte[] fakeKafkaClientsJar() {
        return jar(Map.of(), FAKE_CLIENTS_SOURCE);
    }

    /** Compiles the sources against connect-api and kafka-clients, and jars the classes with {@code extra} entries. */
    byte[] jar(Map<String, byte[]> extra, String... sources) {
        try {
            Path dir = Files.createDirectories(workDir.resolve("compile-" + ++compilations));
            Path src = Files.createDirectories(dir.resolve("src"));
            Path classes = Files.createDirectories(dir.resolve("classes"));
            var files = new ArrayList<String>();
            for (String source : sources) {
                String pkg = source.lines().filter(l -> l.startsWith("package ")).findFirst().orElseThrow()
                        .substring("package ".length()).replace(";", "").trim();
                String cls = source.lines().filter(l -> l.startsWith("public class ")).findFirst().orElseThrow()
                        .split(" ")[2];
                Path file = src.resolve(pkg.replace('.', '/')).resolve(cls + ".java");
                Files.createDirectories(file.getParent());
                Files.writeString(file, source);
                files.add(file.toString());
            }
            compile(files, classes);
            var entries = new LinkedHashMap<String, byte[]>();
            try (Stream<Path> paths = Files.walk(classes)) {
                for (Path p : paths.filter(Files::isRegularFile).sorted().toList()) {
                    entries.put(classes.relativize(p).toString().replace('\\', '/'), Files.readAllBytes(p));
                }
            }
            entries.putAll(extra);
            return zip(entries);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void compile(List<String> files, Path classes) {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            throw new IllegalStateException("Tests need a JDK, not a JRE: no system Java compiler");
        }
        String classpath = locationOf(Connector.class) + java.io.File.pathSeparator + locationOf(ConfigDef.class);
        var args = new ArrayList<>(List.of("-d", classes.toString(), "-cp", classpath, "--release", "17"));
        args.addAll(files);
        var errors = new ByteArrayOutputStream();
        int rc = javac.run(null, null, errors, args.toArray(String[]::new));
        if (rc != 0) {
            throw new IllegalStateException("javac failed: " + errors.toString(StandardCharsets.UTF_8));
        }
    }

    private static String locationOf(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A ZIP (or jar) with the entries, in order; a {@code null} value makes a directory entry. */
    static byte[] zip(Map<String, byte[]> entries) {
        var bytes = new ByteArrayOutputStream();
        try (var zip = new ZipOutputStream(bytes)) {
            for (var entry : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                if (entry.getValue() != null) {
                    zip.write(entry.getValue());
                }
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    Path write(String name, byte[] content) {
        try {
            Path file = workDir.resolve(name);
            Files.createDirectories(file.getParent());
            Files.write(file, content);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}

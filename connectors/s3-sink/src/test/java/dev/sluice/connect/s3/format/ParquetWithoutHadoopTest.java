package dev.sluice.connect.s3.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The plugin ships no Hadoop: hadoop-client-api is a compile-only dependency. This test hides Hadoop from a class
 * loader holding the rest of the test classpath and writes Parquet with every codec through that loader, so that
 * any Hadoop class the write path still reaches for fails here rather than on a worker. The files are then read
 * back on the ordinary test classpath: parquet-java 1.18's read options always build its Hadoop codec factory, so
 * reading (which the plugin never does) cannot be Hadoop-free.
 */
class ParquetWithoutHadoopTest {

    @TempDir
    Path dir;

    @Test
    void writesEveryCodecWithHadoopHidden() throws Exception {
        try (var loader = new URLClassLoader(classpathWithoutHadoop(), ClassLoader.getPlatformClassLoader())) {
            assertThatThrownBy(() -> Class.forName("org.apache.hadoop.conf.Configuration", true, loader))
                    .isInstanceOf(ClassNotFoundException.class);

            loader.loadClass(WriteAll.class.getName()).getMethod("run", Path.class).invoke(null, dir);
        }

        for (FormatSettings.ParquetCodec codec : FormatSettings.ParquetCodec.values()) {
            List<GenericRecord> rows = ParquetFormatTest.read(dir.resolve(WriteAll.fileName(codec)));
            assertThat(rows).as(codec.name()).hasSize(2);
            OrderAssertions.assertOrder(rows.get(0), 1);
            OrderAssertions.assertOrder(rows.get(1), 2);
        }
    }

    private static URL[] classpathWithoutHadoop() throws MalformedURLException {
        String classpath = System.getProperty("java.class.path");
        assertThat(classpath).as("the real classpath, not a manifest jar").contains("parquet-hadoop");
        List<URL> urls = new ArrayList<>();
        for (String entry : classpath.split(File.pathSeparator)) {
            // Hadoop's own jars (org/apache/hadoop/... in the Maven repository), not parquet-hadoop.
            if (!entry.replace(File.separatorChar, '/').contains("/org/apache/hadoop/")) {
                urls.add(Path.of(entry).toUri().toURL());
            }
        }
        return urls.toArray(URL[]::new);
    }

    /** Runs inside the Hadoop-free loader: one file of two orders per codec. */
    public static final class WriteAll {
        public static void run(Path dir) throws Exception {
            for (FormatSettings.ParquetCodec codec : FormatSettings.ParquetCodec.values()) {
                var format = RecordFormats.create(
                        FormatSettings.defaults(FormatSettings.Kind.PARQUET).withParquetCodec(codec));
                var out = new ByteArrayOutputStream();
                RecordWriter writer = format.open(out, Samples.ORDER);
                writer.write(Samples.orderRecord(1));
                writer.write(Samples.orderRecord(2));
                writer.finish();
                Files.write(dir.resolve(fileName(codec)), out.toByteArray());
            }
        }

        static String fileName(FormatSettings.ParquetCodec codec) {
            return codec + RecordFormats.create(
                    FormatSettings.defaults(FormatSettings.Kind.PARQUET).withParquetCodec(codec)).extension();
        }
    }
}

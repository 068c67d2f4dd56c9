package dev.sluice.runtime.mskconnect.workerconfig;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;

import static dev.sluice.runtime.mskconnect.workerconfig.SupportedWorkerProperties.CONSUMER;
import static dev.sluice.runtime.mskconnect.workerconfig.SupportedWorkerProperties.CONSUMER_PREFIX;
import static dev.sluice.runtime.mskconnect.workerconfig.SupportedWorkerProperties.PRODUCER;
import static dev.sluice.runtime.mskconnect.workerconfig.SupportedWorkerProperties.PRODUCER_PREFIX;
import static dev.sluice.runtime.mskconnect.workerconfig.SupportedWorkerProperties.REQUIRED;
import static dev.sluice.runtime.mskconnect.workerconfig.SupportedWorkerProperties.isUnsupported;

/**
 * Amazon MSK Connect's rules for a worker configuration: the {@code propertiesFileContent} of
 * CreateWorkerConfiguration, a base64-encoded Java properties file.
 *
 * <p>The rules follow the Amazon MSK Developer Guide pages "Supported worker configuration properties" and
 * "Default worker configuration"; {@link SupportedWorkerProperties} holds the lists and says which revision
 * of them we took. Where those pages leave a case open we chose what an MSK Connect user would expect:
 * <ul>
 *   <li>A converter whose value is blank counts as a problem, though the page only says the key is
 *       required: Connect cannot load a class with no name, and failing here beats failing at connector
 *       start.</li>
 *   <li>A {@code producer.} or {@code consumer.} key off AWS's list is refused. When the rest of the key
 *       names something MSK Connect manages itself (such as {@code producer.bootstrap.servers} or
 *       {@code consumer.sasl.jaas.config}) the message says MSK Connect sets it; otherwise it says the key is
 *       not among the supported ones.</li>
 *   <li>The base64 may be wrapped across lines (as {@code base64} prints it by default), and a UTF-8
 *       byte-order mark is ignored; beyond that the decoding is strict, so that garbage is reported as such
 *       rather than decoded into a few odd properties.</li>
 * </ul>
 */
public final class WorkerPropertiesRules {

    private static final String FIELD = "propertiesFileContent";
    private static final char BYTE_ORDER_MARK = '\uFEFF';

    private WorkerPropertiesRules() {
    }

    /**
     * Parses base64 properties-file content.
     *
     * @return the properties, sorted by key and unmodifiable
     * @throws IllegalArgumentException naming the problem: the content is empty, is not base64, or does not
     *                                  decode to a properties file
     */
    public static Map<String, String> decode(String propertiesFileContentBase64) {
        if (propertiesFileContentBase64 == null || propertiesFileContentBase64.isBlank()) {
            throw new IllegalArgumentException(FIELD + " is empty");
        }
        String text = utf8Text(base64Bytes(propertiesFileContentBase64));
        if (!text.isEmpty() && text.charAt(0) == BYTE_ORDER_MARK) {
            text = text.substring(1);
        }
        if (text.isBlank()) {
            throw new IllegalArgumentException(FIELD + " is empty once decoded from base64");
        }
        if (text.chars().anyMatch(WorkerPropertiesRules::isBinary)) {
            throw notAPropertiesFile("it contains control characters, so it looks like binary data");
        }
        Properties properties = load(text);
        if (properties.isEmpty()) {
            throw new IllegalArgumentException(FIELD + " has no properties, only comments and blank lines");
        }
        var decoded = new TreeMap<String, String>();
        properties.stringPropertyNames().forEach(key -> decoded.put(key, properties.getProperty(key)));
        if (decoded.containsKey("")) {
            throw notAPropertiesFile("a line has a value but no key");
        }
        return Collections.unmodifiableMap(decoded);
    }

    /**
     * Every problem with these worker properties, one message per problem, each naming the key (for example
     * "key.converter is required" or "producer.bootstrap.servers is not allowed: MSK Connect sets it").
     *
     * @return the messages, sorted; empty when the properties are valid
     */
    public static List<String> problems(Map<String, String> properties) {
        Objects.requireNonNull(properties, "properties");
        var problems = new ArrayList<String>();
        for (String key : REQUIRED) {
            String value = properties.get(key);
            if (value == null) {
                problems.add(key + " is required");
            } else if (value.isBlank()) {
                problems.add(key + " is required, but its value is blank");
            }
        }
        for (String key : properties.keySet()) {
            problemWith(key).ifPresent(problems::add);
        }
        Collections.sort(problems);
        return List.copyOf(problems);
    }

    private static Optional<String> problemWith(String key) {
        if (key.startsWith(PRODUCER_PREFIX)) {
            return clientProblem(key, PRODUCER_PREFIX, PRODUCER);
        }
        if (key.startsWith(CONSUMER_PREFIX)) {
            return clientProblem(key, CONSUMER_PREFIX, CONSUMER);
        }
        return isUnsupported(key) ? Optional.of(setByMskConnect(key)) : Optional.empty();
    }

    private static Optional<String> clientProblem(String key, String prefix, Set<String> supported) {
        if (supported.contains(key)) {
            return Optional.empty();
        }
        if (isUnsupported(key.substring(prefix.length()))) {
            return Optional.of(setByMskConnect(key));
        }
        return Optional.of(key + " is not allowed: MSK Connect supports only some " + prefix
                + "* properties, and this is not one of them");
    }

    private static String setByMskConnect(String key) {
        return key + " is not allowed: MSK Connect sets it";
    }

    private static byte[] base64Bytes(String content) {
        try {
            return Base64.getDecoder().decode(content.replaceAll("\\s", ""));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(FIELD + " is not valid base64: " + e.getMessage(), e);
        }
    }

    private static String utf8Text(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw notAPropertiesFile("it does not decode to UTF-8 text");
        }
    }

    /** Control characters other than the whitespace a properties file may contain. */
    private static boolean isBinary(int c) {
        return Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r' && c != '\f';
    }

    private static Properties load(String text) {
        var properties = new Properties();
        try {
            properties.load(new StringReader(text));
        } catch (IllegalArgumentException e) {
            // Properties.load rejects nothing but a malformed unicode escape.
            throw notAPropertiesFile(e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException("reading from a string cannot fail", e);
        }
        return properties;
    }

    private static IllegalArgumentException notAPropertiesFile(String why) {
        return new IllegalArgumentException(FIELD + " is not a Java properties file: " + why);
    }
}

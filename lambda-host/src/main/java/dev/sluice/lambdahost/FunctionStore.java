package dev.sluice.lambdahost;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * The functions of the host, by name, kept in memory and written to {@code <dataDir>/functions/<name>/function.json}
 * beside their code, so that a host started again on the same folder has them back.
 */
final class FunctionStore {

    private static final Logger log = LoggerFactory.getLogger(FunctionStore.class);
    private static final String CONFIG_FILE = "function.json";

    private final Path root;
    private final LambdaHostSettings settings;
    private final ObjectMapper json;
    private final ConcurrentSkipListMap<String, LambdaFunction> functions = new ConcurrentSkipListMap<>();

    /** A page of ListFunctions: the functions, and the marker of the next page (null on the last). */
    record Page(List<LambdaFunction> functions, String nextMarker) {
    }

    FunctionStore(Path root, LambdaHostSettings settings, ObjectMapper json) {
        this.root = root;
        this.settings = settings;
        this.json = json;
    }

    /** Reads the functions kept under the folder; one that cannot be read is skipped with a warning. */
    void load() throws IOException {
        Files.createDirectories(root);
        try (Stream<Path> dirs = Files.list(root)) {
            for (Path config : dirs.map(d -> d.resolve(CONFIG_FILE)).filter(Files::isRegularFile).toList()) {
                try {
                    LambdaFunction fn = json.readValue(config.toFile(), LambdaFunction.class);
                    if (Files.isDirectory(codeDir(fn))) {
                        functions.put(fn.name(), fn);
                    }
                } catch (IOException e) {
                    log.warn("Skipping the function kept in {}: {}", config, e.getMessage());
                }
            }
        }
    }

    /** @throws LambdaApiException ResourceNotFoundException, naming the function's ARN */
    LambdaFunction get(FunctionRef ref) {
        LambdaFunction fn = ref.isLatest() ? functions.get(ref.name()) : null;
        if (fn == null) {
            throw LambdaApiException.functionNotFound(ref.arn(settings));
        }
        return fn;
    }

    Optional<LambdaFunction> find(String name) {
        return Optional.ofNullable(functions.get(name));
    }

    /** @throws LambdaApiException ResourceConflictException when a function of the same name exists */
    void create(LambdaFunction fn) {
        if (functions.putIfAbsent(fn.name(), fn) != null) {
            throw LambdaApiException.conflict("Function already exist: " + fn.name());
        }
        persist(fn);
    }

    /** Replaces the function with what {@code change} makes of it, atomically. */
    LambdaFunction update(FunctionRef ref, UnaryOperator<LambdaFunction> change) {
        get(ref);
        LambdaFunction updated = functions.computeIfPresent(ref.name(), (name, fn) -> change.apply(fn));
        if (updated == null) {
            throw LambdaApiException.functionNotFound(ref.arn(settings));
        }
        persist(updated);
        return updated;
    }

    LambdaFunction remove(FunctionRef ref) {
        LambdaFunction removed = functions.remove(get(ref).name());
        if (removed == null) {
            throw LambdaApiException.functionNotFound(ref.arn(settings));
        }
        try {
            Files.deleteIfExists(functionDir(removed.name()).resolve(CONFIG_FILE));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return removed;
    }

    /**
     * Functions in name order, from after the one the marker names.
     *
     * @param marker   the {@code NextMarker} of the previous page, or null for the first
     * @param maxItems how many at most (ListFunctions' {@code MaxItems}, 1 to 10,000; 50 when not given)
     */
    Page list(String marker, int maxItems) {
        NavigableMap<String, LambdaFunction> from = marker == null ? functions
                : functions.tailMap(decodeMarker(marker), false);
        List<LambdaFunction> page = new ArrayList<>();
        for (Map.Entry<String, LambdaFunction> e : from.entrySet()) {
            if (page.size() == maxItems) {
                return new Page(page, encodeMarker(page.get(page.size() - 1).name()));
            }
            page.add(e.getValue());
        }
        return new Page(page, null);
    }

    Path functionDir(String name) {
        return root.resolve(name);
    }

    /** The folder the function's current code is unpacked to: its instances' task root. */
    Path codeDir(LambdaFunction fn) {
        return functionDir(fn.name()).resolve("code-" + fn.codeId());
    }

    /** The deployment package as uploaded, served as GetFunction's {@code Code.Location}. */
    Path codeZip(LambdaFunction fn) {
        return functionDir(fn.name()).resolve("code-" + fn.codeId() + ".zip");
    }

    private void persist(LambdaFunction fn) {
        Path file = functionDir(fn.name()).resolve(CONFIG_FILE);
        try {
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling(CONFIG_FILE + ".tmp");
            json.writeValue(tmp.toFile(), fn);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write " + file, e);
        }
    }

    static String encodeMarker(String name) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(name.getBytes(StandardCharsets.UTF_8));
    }

    private static String decodeMarker(String marker) {
        try {
            return new String(Base64.getUrlDecoder().decode(marker), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw LambdaApiException.invalidParameter("Invalid marker: " + marker);
        }
    }
}

package dev.sluice.runtime.mskconnect.plugin;

import dev.sluice.runtime.mskconnect.Arns;
import dev.sluice.runtime.mskconnect.Inputs;
import dev.sluice.runtime.mskconnect.Page;
import dev.sluice.runtime.mskconnect.ResourceUsers;
import dev.sluice.runtime.mskconnect.Timestamps;
import dev.sluice.runtime.mskconnect.errors.MskConnectException;
import dev.sluice.runtime.mskconnect.plugin.CustomPluginApi.CreateCustomPluginRequest;
import dev.sluice.runtime.state.ResourceState;
import dev.sluice.runtime.util.Directories;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executor;

/**
 * Custom plugins: created from a ZIP or JAR in S3, which the node fetches, installs in Kafka Connect's plugin
 * layout and scans in the background, the plugin going CREATING, then ACTIVE or CREATE_FAILED with the reason.
 */
public final class CustomPlugins {

    private static final Logger log = LoggerFactory.getLogger(CustomPlugins.class);
    private static final Set<String> CONTENT_TYPES = Set.of("JAR", "ZIP");

    private final ResourceState state;
    private final Arns arns;
    private final Clock clock;
    private final PluginFetcher fetcher;
    private final PluginArchiveInspector inspector;
    private final Path pluginRoot;
    private final Executor installer;
    private final ResourceUsers users;

    public CustomPlugins(ResourceState state, Arns arns, Clock clock, PluginFetcher fetcher,
                         PluginArchiveInspector inspector, Path pluginRoot, Executor installer, ResourceUsers users) {
        this.state = state;
        this.arns = arns;
        this.clock = clock;
        this.fetcher = fetcher;
        this.inspector = inspector;
        this.pluginRoot = pluginRoot;
        this.installer = installer;
        this.users = users;
    }

    public synchronized CustomPlugin create(CreateCustomPluginRequest request) {
        var s3 = request.location() == null ? null : request.location().s3Location();
        Inputs inputs = new Inputs()
                .required("name", request.name())
                .length("name", request.name(), 1, 128)
                .length("description", request.description(), 0, 1024)
                .required("contentType", request.contentType())
                .required("location", request.location())
                .tags("tags", request.tags());
        if (request.contentType() != null && !CONTENT_TYPES.contains(request.contentType())) {
            inputs.problem("contentType must be JAR or ZIP, was " + request.contentType());
        }
        if (request.location() != null) {
            inputs.required("location.s3Location", s3);
        }
        if (s3 != null) {
            inputs.required("location.s3Location.bucketArn", s3.bucketArn())
                    .required("location.s3Location.fileKey", s3.fileKey());
            if (s3.bucketArn() != null && !PluginFetcher.isBucketArn(s3.bucketArn())) {
                inputs.problem("location.s3Location.bucketArn must look like arn:aws:s3:::bucket-name, was "
                        + s3.bucketArn());
            }
        }
        inputs.check();
        boolean taken = all().stream().anyMatch(p -> p.name().equals(request.name()));
        if (taken) {
            throw new MskConnectException.Conflict("A custom plugin named " + request.name() + " already exists");
        }
        String arn = arns.newArn(Arns.CUSTOM_PLUGIN, request.name());
        Path installDir = pluginRoot.resolve(arn.substring(arn.lastIndexOf('/') + 1)).resolve("revision-1");
        CustomPlugin plugin = new CustomPlugin(arn, request.name(), request.description(), Timestamps.now(clock),
                request.contentType(), new CustomPlugin.S3Object(s3.bucketArn(), s3.fileKey(), s3.objectVersion()),
                1, null, null, "CREATING", null, null, installDir.toString(),
                request.tags() == null ? Map.of() : Map.copyOf(request.tags()));
        state.put(arn, plugin);
        installer.execute(() -> install(plugin));
        return plugin;
    }

    public CustomPlugin describe(String arn) {
        if (!arns.isOfKind(arn, Arns.CUSTOM_PLUGIN)) {
            throw new MskConnectException.BadRequest("customPluginArn is not a custom plugin ARN of this region"
                    + " and account: " + arn);
        }
        return state.get(arn, CustomPlugin.class)
                .orElseThrow(() -> new MskConnectException.NotFound("Custom plugin " + arn + " not found"));
    }

    public Page<CustomPlugin> list(String namePrefix, Integer maxResults, String nextToken) {
        List<CustomPlugin> matching = all().stream()
                .filter(p -> namePrefix == null || p.name().startsWith(namePrefix))
                .toList();
        return Page.of(matching, CustomPlugin::arn, maxResults, nextToken);
    }

    public synchronized CustomPlugin delete(String arn) {
        CustomPlugin plugin = describe(arn);
        users.requireUnused(arn, "custom plugin");
        state.remove(arn);
        deleteQuietly(Path.of(plugin.installDir()).getParent());
        return plugin.withState("DELETING");
    }

    private List<CustomPlugin> all() {
        return state.list(arns.prefixOf(Arns.CUSTOM_PLUGIN), CustomPlugin.class);
    }

    private void install(CustomPlugin plugin) {
        Path installDir = Path.of(plugin.installDir());
        Path download = null;
        CustomPlugin outcome;
        try {
            Files.createDirectories(installDir.getParent());
            download = Files.createTempFile(installDir.getParent(), "download-", ".tmp");
            PluginFetcher.Fetched fetched = fetcher.fetch(plugin.location(), download);
            Inspection inspection = inspector.inspect(fetched.file(), plugin.contentType(), installDir);
            if (inspection instanceof Inspection.Installed found) {
                outcome = plugin.withOutcome("ACTIVE", fetched.md5(), fetched.size(), null,
                        new CustomPlugin.FoundClasses(found.connectors(), found.converters(), found.transforms(),
                                found.predicates(), found.headerConverters(), found.configProviders()));
            } else {
                Inspection.Rejected rejected = (Inspection.Rejected) inspection;
                outcome = plugin.withOutcome("CREATE_FAILED", fetched.md5(), fetched.size(),
                        new CustomPlugin.Failure(rejected.code(), rejected.message()), null);
            }
        } catch (PluginFetcher.FetchFailed e) {
            outcome = plugin.withOutcome("CREATE_FAILED", null, null,
                    new CustomPlugin.Failure("S3_OBJECT_NOT_READABLE", e.getMessage()), null);
        } catch (IOException | RuntimeException e) {
            log.error("Installing custom plugin {} failed", plugin.arn(), e);
            outcome = plugin.withOutcome("CREATE_FAILED", null, null,
                    new CustomPlugin.Failure("INTERNAL_ERROR", "Sluice could not install the plugin: " + e), null);
        } finally {
            if (download != null) {
                deleteQuietly(download);
            }
        }
        synchronized (this) {
            if (state.get(plugin.arn(), CustomPlugin.class).isPresent()) { // not deleted meanwhile
                state.put(plugin.arn(), outcome);
                log.info("Custom plugin {} is {}", plugin.name(), outcome.state());
            }
        }
    }

    private static void deleteQuietly(Path path) {
        if (path == null) {
            return;
        }
        try {
            Directories.deleteRecursively(path);
        } catch (IOException e) {
            log.warn("Could not delete {}", path, e);
        }
    }
}

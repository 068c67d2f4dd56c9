package dev.sluice.runtime.mskconnect.workerconfig;

import dev.sluice.runtime.mskconnect.Arns;
import dev.sluice.runtime.mskconnect.Inputs;
import dev.sluice.runtime.mskconnect.Page;
import dev.sluice.runtime.mskconnect.ResourceUsers;
import dev.sluice.runtime.mskconnect.Timestamps;
import dev.sluice.runtime.mskconnect.errors.MskConnectException;
import dev.sluice.runtime.mskconnect.workerconfig.WorkerConfigurationApi.CreateWorkerConfigurationRequest;
import dev.sluice.runtime.state.ResourceState;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Create, describe, list and delete worker configurations, checked against MSK Connect's rules. */
public final class WorkerConfigurations {

    private final ResourceState state;
    private final Arns arns;
    private final Clock clock;
    private final ResourceUsers users;

    public WorkerConfigurations(ResourceState state, Arns arns, Clock clock, ResourceUsers users) {
        this.state = state;
        this.arns = arns;
        this.clock = clock;
        this.users = users;
    }

    public synchronized WorkerConfiguration create(CreateWorkerConfigurationRequest request) {
        Inputs inputs = new Inputs()
                .required("name", request.name())
                .length("name", request.name(), 1, 128)
                .length("description", request.description(), 0, 1024)
                .required("propertiesFileContent", request.propertiesFileContent())
                .tags("tags", request.tags());
        if (request.propertiesFileContent() != null && !request.propertiesFileContent().isEmpty()) {
            try {
                Map<String, String> properties = WorkerPropertiesRules.decode(request.propertiesFileContent());
                inputs.problems(WorkerPropertiesRules.problems(properties).stream()
                        .map(p -> "propertiesFileContent: " + p).toList());
            } catch (IllegalArgumentException e) {
                inputs.problem("propertiesFileContent: " + e.getMessage());
            }
        }
        inputs.check();
        if (findByName(request.name()).isPresent()) {
            throw new MskConnectException.Conflict("A worker configuration named " + request.name()
                    + " already exists");
        }
        String now = Timestamps.now(clock);
        WorkerConfiguration created = new WorkerConfiguration(
                arns.newArn(Arns.WORKER_CONFIGURATION, request.name()), request.name(), request.description(), now,
                List.of(new WorkerConfiguration.Revision(1, request.description(), request.propertiesFileContent(),
                        now)),
                request.tags() == null ? Map.of() : Map.copyOf(request.tags()), "ACTIVE");
        state.put(created.arn(), created);
        return created;
    }

    public WorkerConfiguration describe(String arn) {
        return state.get(requireArn(arn), WorkerConfiguration.class)
                .orElseThrow(() -> new MskConnectException.NotFound("Worker configuration " + arn + " not found"));
    }

    public Page<WorkerConfiguration> list(String namePrefix, Integer maxResults, String nextToken) {
        List<WorkerConfiguration> all = state.list(arns.prefixOf(Arns.WORKER_CONFIGURATION), WorkerConfiguration.class)
                .stream()
                .filter(c -> namePrefix == null || c.name().startsWith(namePrefix))
                .toList();
        return Page.of(all, WorkerConfiguration::arn, maxResults, nextToken);
    }

    public synchronized WorkerConfiguration delete(String arn) {
        WorkerConfiguration existing = describe(arn);
        users.requireUnused(existing.arn(), "worker configuration");
        state.remove(existing.arn());
        return new WorkerConfiguration(existing.arn(), existing.name(), existing.description(),
                existing.creationTime(), existing.revisions(), existing.tags(), "DELETING");
    }

    private Optional<WorkerConfiguration> findByName(String name) {
        return state.list(arns.prefixOf(Arns.WORKER_CONFIGURATION), WorkerConfiguration.class).stream()
                .filter(c -> c.name().equals(name))
                .findFirst();
    }

    private String requireArn(String arn) {
        if (!arns.isOfKind(arn, Arns.WORKER_CONFIGURATION)) {
            throw new MskConnectException.BadRequest("workerConfigurationArn is not a worker configuration ARN"
                    + " of this region and account: " + arn);
        }
        return arn;
    }
}

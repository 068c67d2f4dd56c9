package dev.sluice.runtime.mskconnect.workerconfig;

import dev.sluice.runtime.mskconnect.Page;
import dev.sluice.runtime.mskconnect.workerconfig.WorkerConfigurationApi.CreateWorkerConfigurationRequest;
import dev.sluice.runtime.mskconnect.workerconfig.WorkerConfigurationApi.CreateWorkerConfigurationResponse;
import dev.sluice.runtime.mskconnect.workerconfig.WorkerConfigurationApi.DeleteWorkerConfigurationResponse;
import dev.sluice.runtime.mskconnect.workerconfig.WorkerConfigurationApi.DescribeWorkerConfigurationResponse;
import dev.sluice.runtime.mskconnect.workerconfig.WorkerConfigurationApi.ListWorkerConfigurationsResponse;
import dev.sluice.runtime.mskconnect.workerconfig.WorkerConfigurationApi.WorkerConfigurationRevisionDescription;
import dev.sluice.runtime.mskconnect.workerconfig.WorkerConfigurationApi.WorkerConfigurationRevisionSummary;
import dev.sluice.runtime.mskconnect.workerconfig.WorkerConfigurationApi.WorkerConfigurationSummary;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** {@code /v1/worker-configurations}: MSK Connect's worker-configuration operations. */
@Path("/worker-configurations")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class WorkerConfigurationsResource {

    private final WorkerConfigurations configurations;

    public WorkerConfigurationsResource(WorkerConfigurations configurations) {
        this.configurations = configurations;
    }

    @POST
    public CreateWorkerConfigurationResponse create(CreateWorkerConfigurationRequest request) {
        WorkerConfiguration c = configurations.create(request == null
                ? new CreateWorkerConfigurationRequest(null, null, null, null) : request);
        return new CreateWorkerConfigurationResponse(c.creationTime(), summary(c.latest()), c.name(), c.arn(),
                c.state());
    }

    @GET
    @Path("/{workerConfigurationArn: .+}")
    public DescribeWorkerConfigurationResponse describe(@PathParam("workerConfigurationArn") String arn) {
        WorkerConfiguration c = configurations.describe(arn);
        WorkerConfiguration.Revision latest = c.latest();
        return new DescribeWorkerConfigurationResponse(c.creationTime(), c.description(),
                new WorkerConfigurationRevisionDescription(latest.creationTime(), latest.description(),
                        latest.propertiesFileContent(), latest.revision()),
                c.name(), c.arn(), c.state());
    }

    @GET
    public ListWorkerConfigurationsResponse list(@QueryParam("namePrefix") String namePrefix,
                                                 @QueryParam("maxResults") Integer maxResults,
                                                 @QueryParam("nextToken") String nextToken) {
        Page<WorkerConfiguration> page = configurations.list(namePrefix, maxResults, nextToken);
        return new ListWorkerConfigurationsResponse(page.nextToken(), page.items().stream()
                .map(c -> new WorkerConfigurationSummary(c.creationTime(), c.description(), summary(c.latest()),
                        c.name(), c.arn(), c.state()))
                .toList());
    }

    @DELETE
    @Path("/{workerConfigurationArn: .+}")
    public DeleteWorkerConfigurationResponse delete(@PathParam("workerConfigurationArn") String arn) {
        WorkerConfiguration deleted = configurations.delete(arn);
        return new DeleteWorkerConfigurationResponse(deleted.arn(), deleted.state());
    }

    private static WorkerConfigurationRevisionSummary summary(WorkerConfiguration.Revision revision) {
        return new WorkerConfigurationRevisionSummary(revision.creationTime(), revision.description(),
                revision.revision());
    }
}

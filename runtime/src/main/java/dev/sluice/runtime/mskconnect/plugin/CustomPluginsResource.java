package dev.sluice.runtime.mskconnect.plugin;

import dev.sluice.runtime.mskconnect.Page;
import dev.sluice.runtime.mskconnect.plugin.CustomPluginApi.CreateCustomPluginRequest;
import dev.sluice.runtime.mskconnect.plugin.CustomPluginApi.CreateCustomPluginResponse;
import dev.sluice.runtime.mskconnect.plugin.CustomPluginApi.CustomPluginFileDescription;
import dev.sluice.runtime.mskconnect.plugin.CustomPluginApi.CustomPluginLocation;
import dev.sluice.runtime.mskconnect.plugin.CustomPluginApi.CustomPluginRevisionSummary;
import dev.sluice.runtime.mskconnect.plugin.CustomPluginApi.CustomPluginSummary;
import dev.sluice.runtime.mskconnect.plugin.CustomPluginApi.DeleteCustomPluginResponse;
import dev.sluice.runtime.mskconnect.plugin.CustomPluginApi.DescribeCustomPluginResponse;
import dev.sluice.runtime.mskconnect.plugin.CustomPluginApi.ListCustomPluginsResponse;
import dev.sluice.runtime.mskconnect.plugin.CustomPluginApi.S3Location;
import dev.sluice.runtime.mskconnect.plugin.CustomPluginApi.StateDescription;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** {@code /v1/custom-plugins}: MSK Connect's custom-plugin operations. */
@Path("/custom-plugins")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CustomPluginsResource {

    private final CustomPlugins plugins;

    public CustomPluginsResource(CustomPlugins plugins) {
        this.plugins = plugins;
    }

    @POST
    public CreateCustomPluginResponse create(CreateCustomPluginRequest request) {
        CustomPlugin p = plugins.create(request == null
                ? new CreateCustomPluginRequest(null, null, null, null, null) : request);
        return new CreateCustomPluginResponse(p.arn(), p.state(), p.name(), p.revision());
    }

    @GET
    @Path("/{customPluginArn: .+}")
    public DescribeCustomPluginResponse describe(@PathParam("customPluginArn") String arn) {
        CustomPlugin p = plugins.describe(arn);
        StateDescription why = p.failure() == null ? null
                : new StateDescription(p.failure().code(), p.failure().message());
        return new DescribeCustomPluginResponse(p.creationTime(), p.arn(), p.state(), p.description(),
                revision(p), p.name(), why, p.found());
    }

    @GET
    public ListCustomPluginsResponse list(@QueryParam("namePrefix") String namePrefix,
                                          @QueryParam("maxResults") Integer maxResults,
                                          @QueryParam("nextToken") String nextToken) {
        Page<CustomPlugin> page = plugins.list(namePrefix, maxResults, nextToken);
        return new ListCustomPluginsResponse(page.items().stream()
                .map(p -> new CustomPluginSummary(p.creationTime(), p.arn(), p.state(), p.description(),
                        revision(p), p.name()))
                .toList(), page.nextToken());
    }

    @DELETE
    @Path("/{customPluginArn: .+}")
    public DeleteCustomPluginResponse delete(@PathParam("customPluginArn") String arn) {
        CustomPlugin deleted = plugins.delete(arn);
        return new DeleteCustomPluginResponse(deleted.arn(), deleted.state());
    }

    private static CustomPluginRevisionSummary revision(CustomPlugin p) {
        CustomPlugin.S3Object s3 = p.location();
        return new CustomPluginRevisionSummary(p.contentType(), p.creationTime(), p.description(),
                p.fileMd5() == null ? null : new CustomPluginFileDescription(p.fileMd5(), p.fileSize()),
                new CustomPluginLocation(new S3Location(s3.bucketArn(), s3.fileKey(), s3.objectVersion())),
                p.revision());
    }
}

package dev.sluice.runtime.mskconnect.tags;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.util.List;
import java.util.Map;

/** {@code /v1/tags/{resourceArn}}: ListTagsForResource, TagResource, UntagResource. */
@Path("/tags")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TagsResource {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record TagResourceRequest(Map<String, String> tags) {
    }

    public record ListTagsForResourceResponse(Map<String, String> tags) {
    }

    private final Tags tags;

    public TagsResource(Tags tags) {
        this.tags = tags;
    }

    @GET
    @Path("/{resourceArn: .+}")
    public ListTagsForResourceResponse list(@PathParam("resourceArn") String arn) {
        return new ListTagsForResourceResponse(tags.list(arn));
    }

    @POST
    @Path("/{resourceArn: .+}")
    public Map<String, String> tag(@PathParam("resourceArn") String arn, TagResourceRequest request) {
        tags.tag(arn, request == null ? null : request.tags());
        return Map.of(); // the model's TagResourceResponse has no members
    }

    @DELETE
    @Path("/{resourceArn: .+}")
    public Map<String, String> untag(@PathParam("resourceArn") String arn, @QueryParam("tagKeys") List<String> tagKeys) {
        tags.untag(arn, tagKeys);
        return Map.of(); // the model's UntagResourceResponse has no members
    }
}

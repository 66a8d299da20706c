package jp.koyomi.run;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import jp.koyomi.user.Role;

/** The per-customer view of a run: what it decided for whom. */
@Path("/api/v1/runs/{id}/decisions")
@Tag(name = "Runs", description = "Campaign runs: run now, dry run, explain, progress and counts")
@RolesAllowed(Role.VIEWER)
public class RunDecisionResource {

    @Inject
    RunDecisions decisions;

    @GET
    @Operation(summary = "What the run decided for each customer, a keyset page at a time", description = "Pass next_after as after for the next page; it is null on the last one.")
    @APIResponse(responseCode = "200", description = "A page of decisions, in customer order")
    @APIResponse(responseCode = "400", description = "A filter value or limit out of range; errors name the parameter")
    @APIResponse(responseCode = "404", description = "No such run")
    public RunDecisions.Page list(@Parameter(description = "Run id", example = "1") @PathParam("id") long runId,
            @Parameter(schema = @Schema(enumeration = { "SENT_TO_OUTBOX", "SKIPPED", "HOLDOUT" })) @QueryParam("outcome") String outcome,
            @Parameter(description = "A skip reason of docs/relevance.md", example = "NO_SIZE_IN_STOCK") @QueryParam("skip_reason") String skipReason,
            @Parameter(schema = @Schema(enumeration = { "EMAIL", "LINE", "POSTAL" })) @QueryParam("channel") String channel,
            @Parameter(description = "Only this customer (external id)") @QueryParam("customer") String customer,
            @Parameter(description = "The next_after of the previous page") @QueryParam("after") Long after,
            @Parameter(schema = @Schema(minimum = "1", maximum = "1000", defaultValue = "100")) @QueryParam("limit") @DefaultValue("100") int limit) {
        return decisions.page(runId, new RunDecisions.Query(outcome, skipReason, channel, customer, after, limit));
    }
}

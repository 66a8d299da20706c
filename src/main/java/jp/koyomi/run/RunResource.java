package jp.koyomi.run;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.ResponseStatus;

import jp.koyomi.user.Role;

@Path("/api/v1/runs")
@Tag(name = "Runs", description = "Campaign runs: run now, dry run, explain, progress and counts")
@RolesAllowed(Role.VIEWER)
public class RunResource {

    @Inject
    RunReports reports;

    @Inject
    RunService runs;

    @Inject
    DryRun dryRun;

    /** A run's status and its counts by outcome, skip reason, channel and delivery status. */
    @GET
    @Path("/{id}")
    @Operation(summary = "A run: status and counts by outcome, skip reason, channel and delivery status")
    @APIResponse(responseCode = "200", description = "The run")
    @APIResponse(responseCode = "404", description = "No such run")
    public RunReport get(@Parameter(description = "Run id", example = "1") @PathParam("id") long id) {
        return reports.report(id);
    }

    /** Starts a run of an approved campaign now, outside its cadence. */
    @POST
    @Path("/campaign/{campaignId}")
    @RolesAllowed(Role.MARKETER)
    @ResponseStatus(201)
    @Operation(summary = "Starts a run of an approved campaign now, outside its cadence")
    @APIResponse(responseCode = "201", description = "The run, PENDING until a worker takes it", content = @Content(mediaType = "application/json", schema = @Schema(implementation = RunReport.class)))
    @APIResponse(responseCode = "404", description = "No such campaign")
    @APIResponse(responseCode = "409", description = "The campaign's current revision is not approved, or it is archived")
    public RunReport runNow(@Parameter(description = "Campaign id", example = "1") @PathParam("campaignId") long campaignId) {
        return runs.runNow(campaignId);
    }

    /** The run pipeline without deliveries: counts by outcome, skip reason and channel, and sample decisions. */
    @POST
    @Path("/campaign/{campaignId}/dry-run")
    @RolesAllowed(Role.MARKETER)
    @Operation(summary = "The run pipeline without deliveries", description = "Counts by outcome, skip reason and channel for the whole audience, and sample decisions; needs no approval and sends nothing.")
    @APIResponse(responseCode = "200", description = "What a run would do now")
    @APIResponse(responseCode = "404", description = "No such campaign")
    @APIResponse(responseCode = "400", description = "A template version the definition names is a partial, not a message template")
    public DryRun.Result dryRun(@Parameter(description = "Campaign id", example = "1") @PathParam("campaignId") long campaignId) {
        return dryRun.run(campaignId);
    }

    /** Why one customer would or would not get the campaign now. */
    @GET
    @Path("/campaign/{campaignId}/explain/{externalId}")
    @RolesAllowed(Role.VIEWER)
    @Operation(summary = "Why one customer would or would not get the campaign now")
    @APIResponse(responseCode = "200", description = "The decision and its reasons")
    @APIResponse(responseCode = "404", description = "No such campaign or customer")
    @APIResponse(responseCode = "400", description = "A template version the definition names is a partial, not a message template")
    public DryRun.Sample explain(@Parameter(description = "Campaign id", example = "1") @PathParam("campaignId") long campaignId,
            @Parameter(description = "The customer's external id", example = "DEMO-000007") @PathParam("externalId") String externalId) {
        return dryRun.explain(campaignId, externalId);
    }

    @POST
    @Path("/{id}/cancel")
    @RolesAllowed(Role.MARKETER)
    @Operation(summary = "Cancels a pending or running run; what is in the outbox stays")
    @APIResponse(responseCode = "200", description = "The run, CANCELLED")
    @APIResponse(responseCode = "404", description = "No such run")
    @APIResponse(responseCode = "409", description = "The run has finished already")
    public RunReport cancel(@Parameter(description = "Run id", example = "1") @PathParam("id") long id) {
        return runs.cancel(id);
    }

    /** Resumes a failed run from its checkpoint. */
    @POST
    @Path("/{id}/resume")
    @RolesAllowed(Role.MARKETER)
    @Operation(summary = "Resumes a failed run from its checkpoint")
    @APIResponse(responseCode = "200", description = "The run, PENDING again")
    @APIResponse(responseCode = "404", description = "No such run")
    @APIResponse(responseCode = "409", description = "Only a failed run can be resumed")
    public RunReport resume(@Parameter(description = "Run id", example = "1") @PathParam("id") long id) {
        return runs.resume(id);
    }
}

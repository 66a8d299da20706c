package jp.koyomi.run;

import java.util.Optional;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

import jp.koyomi.common.KeysetPage;
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

    @Inject
    RunList runList;

    /** Runs newest first, a keyset page at a time, optionally of one campaign. */
    @GET
    @Operation(summary = "Runs newest first, a keyset page at a time, optionally of one campaign")
    public KeysetPage<RunList.RunSummary> list(@QueryParam("campaign_id") Long campaignId,
            @QueryParam("after") Long after, @QueryParam("limit") @DefaultValue("50") int limit) {
        return runList.page(campaignId, after, limit);
    }

    /** Customers decided out of the audience, the rate so far and the time left at that rate. */
    @GET
    @Path("/{id}/progress")
    @Operation(summary = "Customers decided out of the audience, the rate so far and the time left at that rate")
    @APIResponse(responseCode = "200", description = "The run's progress")
    @APIResponse(responseCode = "404", description = "No such run")
    public RunList.Progress progress(@Parameter(description = "Run id", example = "1") @PathParam("id") long id) {
        return runList.progress(id);
    }

    /** A run's status and its counts by outcome, skip reason, channel and delivery status. */
    @GET
    @Path("/{id}")
    @Operation(summary = "A run: status and counts by outcome, skip reason, channel and delivery status")
    @APIResponse(responseCode = "200", description = "The run")
    @APIResponse(responseCode = "404", description = "No such run")
    public RunReport get(@Parameter(description = "Run id", example = "1") @PathParam("id") long id) {
        return reports.report(id);
    }

    /**
     * Starts a run of an approved campaign now, outside its cadence: 201 with the new run; 200 with
     * the earlier run when the {@code Idempotency-Key} repeats; 409 while a run of this revision is
     * still pending or running.
     */
    @POST
    @Path("/campaign/{campaignId}")
    @RolesAllowed(Role.MARKETER)
    @Operation(summary = "Starts a run of an approved campaign now, outside its cadence")
    @APIResponse(responseCode = "201", description = "The run, PENDING until a worker takes it", headers = @Header(name = "Location", description = "The new run's URL", schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, format = "uri")), content = @Content(mediaType = "application/json", schema = @Schema(implementation = RunReport.class)))
    @APIResponse(responseCode = "200", description = "The run an earlier request with the same Idempotency-Key started", content = @Content(mediaType = "application/json", schema = @Schema(implementation = RunReport.class)))
    @APIResponse(responseCode = "404", description = "No such campaign")
    @APIResponse(responseCode = "409", description = "The campaign's current revision is not approved, it is archived, or a manual run of this revision is already PENDING or RUNNING")
    public RestResponse<RunReport> runNow(@Parameter(description = "Campaign id", example = "1") @PathParam("campaignId") long campaignId,
            @Parameter(description = "Repeating a key answers with the run it started instead of starting another") @HeaderParam(RunService.IDEMPOTENCY_KEY_HEADER) String idempotencyKey,
            @Context UriInfo uri) {
        RunService.Started started = runs.runNow(campaignId, Optional.ofNullable(idempotencyKey));
        if (!started.created()) {
            return RestResponse.ok(started.run());
        }
        return RestResponse.ResponseBuilder.<RunReport> created(uri.getBaseUriBuilder().path(RunResource.class)
                .path(String.valueOf(started.run().id())).build()).entity(started.run()).build();
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

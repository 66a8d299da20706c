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
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestResponse;

import jp.koyomi.common.KeysetPage;
import jp.koyomi.user.Role;

@Path("/api/v1/runs")
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
    public KeysetPage<RunList.RunSummary> list(@QueryParam("campaign_id") Long campaignId,
            @QueryParam("after") Long after, @QueryParam("limit") @DefaultValue("50") int limit) {
        return runList.page(campaignId, after, limit);
    }

    /** Customers decided out of the audience, the rate so far and the time left at that rate. */
    @GET
    @Path("/{id}/progress")
    public RunList.Progress progress(@PathParam("id") long id) {
        return runList.progress(id);
    }

    /** A run's status and its counts by outcome, skip reason, channel and delivery status. */
    @GET
    @Path("/{id}")
    public RunReport get(@PathParam("id") long id) {
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
    public RestResponse<RunReport> runNow(@PathParam("campaignId") long campaignId,
            @HeaderParam(RunService.IDEMPOTENCY_KEY_HEADER) String idempotencyKey) {
        RunService.Started started = runs.runNow(campaignId, Optional.ofNullable(idempotencyKey));
        return RestResponse.status(started.created() ? Response.Status.CREATED : Response.Status.OK, started.run());
    }

    /** The run pipeline without deliveries: counts by outcome, skip reason and channel, and sample decisions. */
    @POST
    @Path("/campaign/{campaignId}/dry-run")
    @RolesAllowed(Role.MARKETER)
    public DryRun.Result dryRun(@PathParam("campaignId") long campaignId) {
        return dryRun.run(campaignId);
    }

    /** Why one customer would or would not get the campaign now. */
    @GET
    @Path("/campaign/{campaignId}/explain/{externalId}")
    @RolesAllowed(Role.VIEWER)
    public DryRun.Sample explain(@PathParam("campaignId") long campaignId, @PathParam("externalId") String externalId) {
        return dryRun.explain(campaignId, externalId);
    }

    @POST
    @Path("/{id}/cancel")
    @RolesAllowed(Role.MARKETER)
    public RunReport cancel(@PathParam("id") long id) {
        return runs.cancel(id);
    }

    /** Resumes a failed run from its checkpoint. */
    @POST
    @Path("/{id}/resume")
    @RolesAllowed(Role.MARKETER)
    public RunReport resume(@PathParam("id") long id) {
        return runs.resume(id);
    }
}

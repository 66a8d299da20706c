package jp.koyomi.run;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;

import jp.koyomi.user.Role;

/** The per-customer view of a run: what it decided for whom. */
@Path("/api/v1/runs/{id}/decisions")
@RolesAllowed(Role.VIEWER)
public class RunDecisionResource {

    @Inject
    RunDecisions decisions;

    @GET
    public RunDecisions.Page list(@PathParam("id") long runId, @QueryParam("outcome") String outcome,
            @QueryParam("skip_reason") String skipReason, @QueryParam("channel") String channel,
            @QueryParam("customer") String customer, @QueryParam("after") Long after,
            @QueryParam("limit") @DefaultValue("100") int limit) {
        return decisions.page(runId, new RunDecisions.Query(outcome, skipReason, channel, customer, after, limit));
    }
}

package jp.koyomi.run;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import jp.koyomi.user.Role;

@Path("/api/v1/runs")
@RolesAllowed(Role.VIEWER)
public class RunResource {

    @Inject
    RunReports reports;

    /** A run's status and its counts by outcome, skip reason, channel and delivery status. */
    @GET
    @Path("/{id}")
    public RunReport get(@PathParam("id") long id) {
        return reports.report(id);
    }
}

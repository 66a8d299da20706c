package jp.koyomi.run;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;

import jp.koyomi.common.KeysetPage;
import jp.koyomi.user.Role;

/** A run's deliveries, newest first, filterable by status, channel and customer. */
@Path("/api/v1/runs/{id}/deliveries")
@RolesAllowed(Role.VIEWER)
public class RunDeliveriesResource {

    @Inject
    Deliveries deliveries;

    @GET
    public KeysetPage<DeliveryItem> list(@PathParam("id") long runId, @QueryParam("status") String status,
            @QueryParam("channel") String channel, @QueryParam("customer") String customer,
            @QueryParam("after") Long after, @QueryParam("limit") @DefaultValue("50") int limit) {
        deliveries.requireExists("campaign_run", "id", runId, "run");
        return deliveries.page(new Deliveries.Filter(runId, customer, status, channel), after, limit);
    }
}

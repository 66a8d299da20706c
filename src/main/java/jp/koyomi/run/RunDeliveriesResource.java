package jp.koyomi.run;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import jp.koyomi.common.KeysetPage;
import jp.koyomi.user.Role;

/** A run's deliveries, newest first, filterable by status, channel and customer. */
@Path("/api/v1/runs/{id}/deliveries")
@RolesAllowed(Role.VIEWER)
public class RunDeliveriesResource {

    @Inject
    Deliveries deliveries;

    @GET
    @Operation(summary = "A run's deliveries, newest first, filterable by status, channel and customer")
    @APIResponse(responseCode = "200", description = "A page of the run's deliveries, newest first")
    @APIResponse(responseCode = "404", description = "No such run")
    public KeysetPage<DeliveryItem> list(@Parameter(description = "Run id", example = "1") @PathParam("id") long runId, @QueryParam("status") String status,
            @QueryParam("channel") String channel, @QueryParam("customer") String customer,
            @QueryParam("after") Long after, @QueryParam("limit") @DefaultValue("50") int limit) {
        deliveries.requireExists("campaign_run", "id", runId, "run");
        return deliveries.page(new Deliveries.Filter(runId, customer, status, channel), after, limit);
    }
}

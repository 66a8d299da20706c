package jp.koyomi.run;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.SecurityContext;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import jp.koyomi.common.KeysetPage;
import jp.koyomi.delivery.FailedDeliveries;
import jp.koyomi.user.Role;

/** A run's deliveries, newest first, filterable by status, channel and customer; the retry of the failed ones. */
@Path("/api/v1/runs/{id}/deliveries")
@RolesAllowed(Role.VIEWER)
public class RunDeliveriesResource {

    @Inject
    Deliveries deliveries;

    @Inject
    FailedDeliveries failed;

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

    @POST
    @Path("/retry")
    @RolesAllowed(Role.MARKETER)
    @Operation(summary = "Puts the run's FAILED deliveries back to pending, to be sent again",
            description = "Only FAILED rows of this run: due now, attempts from zero, the same retry key. Rows whose customer "
                    + "withdrew consent or has no address on the channel, that expired, or whose body retention dropped "
                    + "stay FAILED and are counted by reason. Stock and quiet hours are checked at send time as always. "
                    + "Idempotent: calling it again retries nothing more.")
    @APIResponse(responseCode = "200", description = "How many deliveries are pending again, and why the others are not",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = FailedDeliveries.Retried.class),
                    examples = @ExampleObject(name = "retried", value = "{\"run_id\": 1, \"retried\": 3, \"not_retried\": "
                            + "{\"body_purged\": 0, \"expired\": 1, \"consent_withdrawn\": 1, \"no_address\": 0}}")))
    @APIResponse(responseCode = "404", description = "No such run")
    public FailedDeliveries.Retried retry(@Parameter(description = "Run id", example = "1") @PathParam("id") long runId,
            @Context SecurityContext security) {
        deliveries.requireExists("campaign_run", "id", runId, "run");
        return failed.retry(runId, security.getUserPrincipal().getName());
    }
}

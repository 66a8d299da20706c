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

/** The messages a customer got (or was due), newest first: the same items as a run's deliveries. */
@Path("/api/v1/customers/{externalId}/messages")
@RolesAllowed(Role.VIEWER)
public class CustomerMessagesResource {

    @Inject
    Deliveries deliveries;

    @GET
    @Operation(summary = "The messages a customer got or was due, newest first, filterable by status and channel")
    @APIResponse(responseCode = "200", description = "A page of the customer's deliveries, newest first")
    @APIResponse(responseCode = "404", description = "No such customer")
    public KeysetPage<DeliveryItem> list(@Parameter(description = "The customer's external id", example = "DEMO-000007") @PathParam("externalId") String externalId,
            @QueryParam("status") String status, @QueryParam("channel") String channel,
            @QueryParam("after") Long after, @QueryParam("limit") @DefaultValue("50") int limit) {
        deliveries.requireExists("customer", "external_id", externalId, "customer");
        return deliveries.page(new Deliveries.Filter(null, externalId, status, channel), after, limit);
    }
}

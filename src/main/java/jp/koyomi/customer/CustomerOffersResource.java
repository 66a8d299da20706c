package jp.koyomi.customer;

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

/** The items a customer was offered, by which campaign, run and channel, newest first. */
@Path("/api/v1/customers/{externalId}/offers")
@RolesAllowed(Role.VIEWER)
public class CustomerOffersResource {

    @Inject
    CustomerHistory history;

    @GET
    @Operation(summary = "The items a customer was offered, newest first, a keyset page at a time")
    @APIResponse(responseCode = "200", description = "A page of offers, newest first")
    @APIResponse(responseCode = "404", description = "No such customer")
    public KeysetPage<CustomerHistory.Offer> list(@Parameter(description = "The customer's external id", example = "DEMO-000007") @PathParam("externalId") String externalId,
            @QueryParam("after") Long after, @QueryParam("limit") @DefaultValue("50") int limit) {
        return history.offers(externalId, after, limit);
    }
}

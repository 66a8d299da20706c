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

/** Every change of a customer's consents: channel, granted or withdrawn, when, and from which source. */
@Path("/api/v1/customers/{externalId}/consent-events")
@RolesAllowed(Role.VIEWER)
public class CustomerConsentEventsResource {

    @Inject
    CustomerHistory history;

    @GET
    @Operation(summary = "Every change of a customer's consents (channel, granted, when, source), newest first")
    @APIResponse(responseCode = "200", description = "A page of consent changes, newest first")
    @APIResponse(responseCode = "404", description = "No such customer")
    public KeysetPage<CustomerHistory.ConsentEvent> list(@Parameter(description = "The customer's external id", example = "DEMO-000007") @PathParam("externalId") String externalId,
            @QueryParam("after") Long after, @QueryParam("limit") @DefaultValue("50") int limit) {
        return history.consentEvents(externalId, after, limit);
    }
}

package jp.koyomi.customer;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import jp.koyomi.user.Role;

@Path("/api/v1/customers")
@Tag(name = "Customers", description = "Customers as imported, with derived sizes")
@RolesAllowed(Role.VIEWER)
public class CustomerResource {

    @Inject
    CustomerService customers;

    /** Customers in external id order, a keyset page at a time. */
    @GET
    @Operation(summary = "Customers in external id order, a keyset page at a time", description = "Pass next as after for the following page; null on the last one.")
    @APIResponse(responseCode = "200", description = "A page of customers")
    @APIResponse(responseCode = "400", description = "limit out of range")
    public CustomerService.CustomerPage list(@QueryParam("limit") @DefaultValue("100") int limit,
            @QueryParam("after") String after) {
        return customers.page(after, limit);
    }

    @GET
    @Path("/{externalId}")
    @Operation(summary = "One customer with consents, topics, points and sizes")
    @APIResponse(responseCode = "200", description = "The customer")
    @APIResponse(responseCode = "404", description = "No such customer")
    public CustomerView get(
            @Parameter(description = "The customer's external id", example = "DEMO-000007") @PathParam("externalId") String externalId) {
        return customers.get(externalId);
    }
}

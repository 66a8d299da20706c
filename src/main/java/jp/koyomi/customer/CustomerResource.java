package jp.koyomi.customer;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

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

    /**
     * Customers in external id order, a keyset page at a time; with {@code q}, only those whose
     * external id or email starts with it or whose name (kanji or kana) contains it.
     */
    @GET
    @Operation(summary = "Customers in external id order, a keyset page at a time", description = "Pass next as after for the following page; null on the last one.")
    @APIResponse(responseCode = "200", description = "A page of customers")
    @APIResponse(responseCode = "400", description = "limit out of range")
    public CustomerService.CustomerPage list(@QueryParam("limit") @DefaultValue("100") int limit,
            @QueryParam("after") String after, @QueryParam("q") String q) {
        return customers.search(q, after, limit);
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

    /** Records a consent change the customer gave the brand, e.g. a new opt-in after an unsubscribe. */
    @POST
    @Path("/{externalId}/consents")
    @RolesAllowed(Role.MARKETER)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Records a consent the customer gave or withdrew outside Koyomi, e.g. a new opt-in after an unsubscribe")
    @RequestBody(required = true, content = @Content(mediaType = "application/json", schema = @Schema(implementation = ConsentRequest.class),
            examples = @ExampleObject(name = "opt-in", value = "{\"channel\": \"EMAIL\", \"granted\": true, \"source\": \"web-form\", \"at\": \"2026-11-26T10:15:00+09:00\"}")))
    @APIResponse(responseCode = "200", description = "The customer with the consent recorded")
    @APIResponse(responseCode = "400", description = "A field is missing or invalid")
    @APIResponse(responseCode = "404", description = "No such customer")
    @APIResponse(responseCode = "409", description = "A later change of this consent is already recorded; it stands")
    public CustomerView recordConsent(@Parameter(description = "The customer's external id", example = "DEMO-000007") @PathParam("externalId") String externalId, ConsentRequest request) {
        return customers.recordConsent(externalId, request);
    }
}

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

import jp.koyomi.user.Role;

@Path("/api/v1/customers")
@RolesAllowed(Role.VIEWER)
public class CustomerResource {

    @Inject
    CustomerService customers;

    /**
     * Customers in external id order, a keyset page at a time; with {@code q}, only those whose
     * external id or email starts with it or whose name (kanji or kana) contains it.
     */
    @GET
    public CustomerService.CustomerPage list(@QueryParam("limit") @DefaultValue("100") int limit,
            @QueryParam("after") String after, @QueryParam("q") String q) {
        return customers.search(q, after, limit);
    }

    @GET
    @Path("/{externalId}")
    public CustomerView get(@PathParam("externalId") String externalId) {
        return customers.get(externalId);
    }

    /** Records a consent change the customer gave the brand, e.g. a new opt-in after an unsubscribe. */
    @POST
    @Path("/{externalId}/consents")
    @RolesAllowed(Role.MARKETER)
    @Consumes(MediaType.APPLICATION_JSON)
    public CustomerView recordConsent(@PathParam("externalId") String externalId, ConsentRequest request) {
        return customers.recordConsent(externalId, request);
    }
}

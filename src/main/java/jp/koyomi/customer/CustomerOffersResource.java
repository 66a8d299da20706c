package jp.koyomi.customer;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;

import jp.koyomi.common.KeysetPage;
import jp.koyomi.user.Role;

/** The items a customer was offered, by which campaign, run and channel, newest first. */
@Path("/api/v1/customers/{externalId}/offers")
@RolesAllowed(Role.VIEWER)
public class CustomerOffersResource {

    @Inject
    CustomerHistory history;

    @GET
    public KeysetPage<CustomerHistory.Offer> list(@PathParam("externalId") String externalId,
            @QueryParam("after") Long after, @QueryParam("limit") @DefaultValue("50") int limit) {
        return history.offers(externalId, after, limit);
    }
}

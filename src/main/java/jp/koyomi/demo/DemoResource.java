package jp.koyomi.demo;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;

import jp.koyomi.common.InvalidInputException;
import jp.koyomi.user.Role;

@Path("/api/v1/admin/demo")
@RolesAllowed(Role.ADMIN)
public class DemoResource {

    static final int MAX = 1_000_000;

    @Inject
    DemoService demo;

    /** Generates more demo customers with their orders, for benchmarks and load tests. */
    @POST
    @Path("/customers")
    public Generated customers(@QueryParam("count") int count) {
        if (count < 1 || count > MAX) {
            throw new InvalidInputException("count", "must be between 1 and " + MAX);
        }
        return new Generated(demo.addCustomers(count));
    }

    public record Generated(int created) {
    }
}

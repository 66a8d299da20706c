package jp.koyomi.demo;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import jp.koyomi.common.InvalidInputException;
import jp.koyomi.user.Role;

@Path("/api/v1/admin/demo")
@Tag(name = "Demo", description = "The demo brand")
@RolesAllowed(Role.ADMIN)
public class DemoResource {

    static final int MAX = 1_000_000;

    @Inject
    DemoService demo;

    /** Generates more demo customers with their orders, for benchmarks and load tests. */
    @POST
    @Path("/customers")
    @Operation(summary = "Generates more demo customers with their orders, for benchmarks")
    @APIResponse(responseCode = "200", description = "How many were created")
    @APIResponse(responseCode = "400", description = "count out of range")
    public Generated customers(
            @Parameter(required = true, schema = @Schema(minimum = "1", maximum = "1000000"), example = "10") @QueryParam("count") int count) {
        if (count < 1 || count > MAX) {
            throw new InvalidInputException("count", "must be between 1 and " + MAX);
        }
        return new Generated(demo.addCustomers(count));
    }

    public record Generated(int created) {
    }
}

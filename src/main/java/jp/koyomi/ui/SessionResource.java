package jp.koyomi.ui;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.vertx.http.runtime.security.FormAuthenticationMechanism;
import io.vertx.ext.web.RoutingContext;
import jp.koyomi.user.Role;

/** Signing out of the UI: the session cookie is HTTP-only, so only the server can remove it. */
@Path("/api/v1/session")
@Tag(name = "Session", description = "The UI's sign-in session")
@RolesAllowed(Role.VIEWER)
public class SessionResource {

    @Inject
    RoutingContext request;

    @POST
    @Path("/logout")
    @Operation(summary = "Ends the UI's session by removing its cookie (a no-op for HTTP Basic callers)")
    @APIResponse(responseCode = "204", description = "Signed out")
    public void logout() {
        // The RoutingContext variant: the SecurityIdentity one fails for callers that signed in with Basic.
        FormAuthenticationMechanism.logout(request);
    }
}

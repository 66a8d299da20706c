package jp.koyomi.ui;

import java.util.Date;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.NewCookie;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

import jp.koyomi.user.Role;

/**
 * Signing out of the UI: the session cookie is HTTP-only, so only the server can remove it. The
 * cookie is expired directly: Quarkus' own logout helper fails for callers that signed in with Basic.
 */
@Path("/api/v1/session")
@Tag(name = "Session", description = "The UI's sign-in session")
@RolesAllowed(Role.VIEWER)
public class SessionResource {

    @ConfigProperty(name = "quarkus.http.auth.form.cookie-name", defaultValue = "quarkus-credential")
    String cookieName;

    @POST
    @Path("/logout")
    @Operation(summary = "Ends the UI's session by expiring its cookie (nothing to end for HTTP Basic callers)")
    @APIResponse(responseCode = "204", description = "Signed out")
    public RestResponse<Void> logout() {
        NewCookie expired = new NewCookie.Builder(cookieName).path("/").value("").maxAge(0).expiry(new Date(0))
                .httpOnly(true).build();
        return RestResponse.ResponseBuilder.<Void>noContent().cookie(expired).build();
    }
}

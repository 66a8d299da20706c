package jp.koyomi.ui;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.FormAuthenticationMechanism;
import jp.koyomi.user.Role;

/** Signing out of the UI: the session cookie is HTTP-only, so only the server can remove it. */
@Path("/api/v1/session")
@RolesAllowed(Role.VIEWER)
public class SessionResource {

    @Inject
    SecurityIdentity identity;

    @POST
    @Path("/logout")
    public void logout() {
        FormAuthenticationMechanism.logout(identity);
    }
}

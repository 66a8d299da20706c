package jp.koyomi.ui;

import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;

import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.FormAuthenticationMechanism;

/** Signing out of the UI: the session cookie is HTTP-only, so only the server can remove it. */
@Path("/api/v1/session")
@Authenticated
public class SessionResource {

    @Inject
    SecurityIdentity identity;

    @POST
    @Path("/logout")
    public void logout() {
        FormAuthenticationMechanism.logout(identity);
    }
}

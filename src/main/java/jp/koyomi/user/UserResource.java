package jp.koyomi.user;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.SecurityContext;

import org.jboss.resteasy.reactive.ResponseStatus;

@Path("/api/v1/users")
public class UserResource {

    @Inject
    UserService users;

    @GET
    @RolesAllowed(Role.ADMIN)
    public List<UserService.UserView> list() {
        return users.list();
    }

    @POST
    @RolesAllowed(Role.ADMIN)
    @ResponseStatus(201)
    public UserService.UserView create(UserService.NewUser request) {
        return users.create(request);
    }

    /** Who am I: the UI asks this to know whether the session is still signed in and what it may do. */
    @GET
    @Path("/me")
    @RolesAllowed(Role.VIEWER)
    public Me me(@Context SecurityContext security) {
        String name = security.getUserPrincipal().getName();
        String role = security.isUserInRole(Role.ADMIN) ? Role.ADMIN
                : security.isUserInRole(Role.MARKETER) ? Role.MARKETER : Role.VIEWER;
        return new Me(name, role);
    }

    public record Me(String username, String role) {
    }
}

package jp.koyomi.user;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.SecurityContext;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.ResponseStatus;

@Path("/api/v1/users")
@Tag(name = "Users", description = "Users and roles (admin ⊃ marketer ⊃ viewer)")
public class UserResource {

    @Inject
    UserService users;

    @GET
    @RolesAllowed(Role.ADMIN)
    @Operation(summary = "Every user with their role")
    public List<UserService.UserView> list() {
        return users.list();
    }

    @POST
    @RolesAllowed(Role.ADMIN)
    @ResponseStatus(201)
    @Operation(summary = "Creates a user")
    @RequestBody(required = true, content = @Content(mediaType = "application/json", examples = @ExampleObject(name = "marketer", value = "{\"username\": \"hanako\", \"password\": \"correct-horse-42\", \"role\": \"marketer\"}")))
    @APIResponse(responseCode = "201", description = "The user", content = @Content(mediaType = "application/json", schema = @Schema(implementation = UserService.UserView.class)))
    @APIResponse(responseCode = "400", description = "Username, password or role not acceptable")
    @APIResponse(responseCode = "409", description = "The username exists already")
    public UserService.UserView create(UserService.NewUser request) {
        return users.create(request);
    }

    /** Who am I: the UI asks this to know whether the session is still signed in and what it may do. */
    @GET
    @Path("/me")
    @RolesAllowed(Role.VIEWER)
    @Operation(summary = "Who is signed in, and with which role")
    public Me me(@Context SecurityContext security) {
        String name = security.getUserPrincipal().getName();
        String role = security.isUserInRole(Role.ADMIN) ? Role.ADMIN
                : security.isUserInRole(Role.MARKETER) ? Role.MARKETER : Role.VIEWER;
        return new Me(name, role);
    }

    public record Me(String username, String role) {
    }
}

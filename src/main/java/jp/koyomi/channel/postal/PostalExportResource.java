package jp.koyomi.channel.postal;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;

import org.jboss.resteasy.reactive.ResponseStatus;

import jp.koyomi.common.InvalidInputException;
import jp.koyomi.user.Role;

@Path("/api/v1/postal-exports")
@RolesAllowed(Role.MARKETER)
public class PostalExportResource {

    @Inject
    PostalExportService exports;

    /** Makes the DM file of a completed run's POSTAL deliveries; {@code encoding} is windows-31j or utf-8-bom. */
    @POST
    @Path("/run/{runId}")
    @ResponseStatus(201)
    public PostalExport export(@PathParam("runId") long runId,
            @QueryParam("encoding") @DefaultValue("windows-31j") String encoding, @Context SecurityContext security) {
        if (!encoding.equalsIgnoreCase("windows-31j") && !encoding.equalsIgnoreCase("utf-8-bom")) {
            throw new InvalidInputException("encoding", "windows-31j (default) or utf-8-bom");
        }
        return exports.export(runId, encoding.equalsIgnoreCase("utf-8-bom"), security.getUserPrincipal().getName());
    }

    @GET
    @Path("/{id}")
    public PostalExport get(@PathParam("id") long id) {
        return exports.get(id);
    }

    /** The CSV file, as the printer gets it. */
    @GET
    @Path("/{id}/file")
    public Response file(@PathParam("id") long id) {
        java.nio.file.Path file = exports.file(id);
        return Response.ok(file.toFile()).type("text/csv")
                .header("Content-Disposition", "attachment; filename=\"" + file.getFileName() + "\"").build();
    }
}

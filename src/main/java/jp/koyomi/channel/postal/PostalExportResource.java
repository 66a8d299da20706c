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
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

import jp.koyomi.common.InvalidInputException;
import jp.koyomi.user.Role;

@Path("/api/v1/postal-exports")
@Tag(name = "Postal exports", description = "Postal DM files of completed runs, for the printer")
@RolesAllowed(Role.MARKETER)
public class PostalExportResource {

    @Inject
    PostalExportService exports;

    /** Makes the DM file of a completed run's POSTAL deliveries; {@code encoding} is windows-31j or utf-8-bom. */
    @POST
    @Path("/run/{runId}")
    @Operation(summary = "Makes the DM file of a completed run's POSTAL deliveries")
    @APIResponse(responseCode = "201", description = "The export record", headers = @Header(name = "Location", description = "The export record's URL", schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, format = "uri")), content = @Content(mediaType = "application/json", schema = @Schema(implementation = PostalExport.class)))
    @APIResponse(responseCode = "400", description = "Unknown encoding")
    @APIResponse(responseCode = "404", description = "No such run")
    @APIResponse(responseCode = "409", description = "The run has not completed")
    public RestResponse<PostalExport> export(@Parameter(description = "Run id", example = "1") @PathParam("runId") long runId,
            @Parameter(schema = @Schema(enumeration = { "windows-31j", "utf-8-bom" }, defaultValue = "windows-31j")) @QueryParam("encoding") @DefaultValue("windows-31j") String encoding, @Context SecurityContext security,
            @Context UriInfo uri) {
        if (!encoding.equalsIgnoreCase("windows-31j") && !encoding.equalsIgnoreCase("utf-8-bom")) {
            throw new InvalidInputException("encoding", "windows-31j (default) or utf-8-bom");
        }
        PostalExport export = exports.export(runId, encoding.equalsIgnoreCase("utf-8-bom"), security.getUserPrincipal().getName());
        return RestResponse.ResponseBuilder.<PostalExport> created(uri.getBaseUriBuilder().path(PostalExportResource.class)
                .path(String.valueOf(export.id())).build()).entity(export).build();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "An export record: rows, held-back rows with reasons, SHA-256")
    @APIResponse(responseCode = "200", description = "The export")
    @APIResponse(responseCode = "404", description = "No such export")
    public PostalExport get(@Parameter(description = "Export id", example = "1") @PathParam("id") long id) {
        return exports.get(id);
    }

    /** The CSV file, as the printer gets it. */
    @GET
    @Path("/{id}/file")
    @Operation(summary = "The CSV file, as the printer gets it")
    @APIResponse(responseCode = "200", description = "The CSV (windows-31j or UTF-8 with BOM)", content = @Content(mediaType = "text/csv"))
    @APIResponse(responseCode = "404", description = "No such export")
    public Response file(@Parameter(description = "Export id", example = "1") @PathParam("id") long id) {
        java.nio.file.Path file = exports.file(id);
        return Response.ok(file.toFile()).type("text/csv")
                .header("Content-Disposition", "attachment; filename=\"" + file.getFileName() + "\"").build();
    }
}

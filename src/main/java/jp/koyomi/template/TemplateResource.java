package jp.koyomi.template;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
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

import com.fasterxml.jackson.databind.JsonNode;

import jp.koyomi.user.Role;

@Path("/api/v1/templates")
@Tag(name = "Templates", description = "Versioned FreeMarker templates per channel; see docs/templates.md")
public class TemplateResource {

    @Inject
    TemplateService templates;

    public record Problems(List<TemplateProblem> problems) {
    }

    /** The latest version of every template. */
    @GET
    @RolesAllowed(Role.VIEWER)
    @Operation(summary = "The latest version of every template")
    public List<TemplateStore.Version> list() {
        return templates.latest();
    }

    @GET
    @Path("/versions/{id}")
    @RolesAllowed(Role.VIEWER)
    @Operation(summary = "One stored template version")
    @APIResponse(responseCode = "200", description = "The version")
    @APIResponse(responseCode = "404", description = "No such version")
    public TemplateStore.Version version(@Parameter(description = "Version id", example = "1") @PathParam("id") long id) {
        return templates.version(id);
    }

    /** Every version of a template, newest first; 404 when the template does not exist. */
    @GET
    @Path("/{name}/{channel}/versions")
    @RolesAllowed(Role.VIEWER)
    @Operation(summary = "Every version of a template, newest first")
    @APIResponse(responseCode = "200", description = "The versions, newest first")
    @APIResponse(responseCode = "404", description = "No such template")
    public List<TemplateStore.Version> history(@Parameter(example = "last-chance") @PathParam("name") String name,
            @Parameter(schema = @Schema(enumeration = { "EMAIL", "LINE", "POSTAL", "PARTIAL" }), example = "EMAIL") @PathParam("channel") String channel) {
        return templates.history(name, channel);
    }

    /** Saves the next version; refused with 400 naming part, line and column when it does not render. */
    @POST
    @Path("/{name}/{channel}/versions")
    @RolesAllowed(Role.MARKETER)
    @Operation(summary = "Saves the next version of a template", description = "Refused with 400 naming part, line and column when it does not render.")
    @RequestBody(required = true, content = @Content(mediaType = "application/json", schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.OBJECT, description = "The source: EMAIL {subject, html, text}; LINE {text} or {flex}; POSTAL {fields}; PARTIAL {body}"), examples = @ExampleObject(name = "email", value = "{\"subject\": \"${customer.familyName}様へ\", \"html\": \"<p>${customer.familyName}様</p>\", \"text\": \"${customer.familyName}様\"}")))
    @APIResponse(responseCode = "201", description = "The saved version", headers = @Header(name = "Location", description = "The saved version's URL", schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, format = "uri")), content = @Content(mediaType = "application/json", schema = @Schema(implementation = TemplateStore.Version.class)))
    @APIResponse(responseCode = "400", description = "The source does not render; errors name part, line and column")
    public RestResponse<TemplateStore.Version> save(@Parameter(example = "example-letter") @PathParam("name") String name,
            @Parameter(schema = @Schema(enumeration = { "EMAIL", "LINE", "POSTAL", "PARTIAL" }), example = "EMAIL") @PathParam("channel") String channel,
            JsonNode source, @Context SecurityContext security, @Context UriInfo uri) {
        TemplateStore.Version saved = templates.save(name, channel, source, security.getUserPrincipal().getName());
        return RestResponse.ResponseBuilder.<TemplateStore.Version> created(uri.getBaseUriBuilder().path(TemplateResource.class)
                .path("versions").path(String.valueOf(saved.id())).build()).entity(saved).build();
    }

    @POST
    @Path("/validate/{channel}")
    @RolesAllowed(Role.MARKETER)
    @Operation(summary = "Checks a template source without saving it")
    @RequestBody(required = true, content = @Content(mediaType = "application/json", schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.OBJECT), examples = @ExampleObject(name = "email", value = "{\"subject\": \"${customer.familyName}様へ\", \"html\": \"<p>${customer.familyName}様</p>\", \"text\": \"${customer.familyName}様\"}")))
    @APIResponse(responseCode = "200", description = "The problems found; empty when the source renders")
    @APIResponse(responseCode = "400", description = "Unknown channel")
    public Problems validate(
            @Parameter(schema = @Schema(enumeration = { "EMAIL", "LINE", "POSTAL", "PARTIAL" }), example = "EMAIL") @PathParam("channel") String channel,
            JsonNode source) {
        return new Problems(templates.validate(channel, source));
    }
}

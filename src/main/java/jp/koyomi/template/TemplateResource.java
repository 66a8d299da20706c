package jp.koyomi.template;

import java.time.LocalDate;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
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

import com.fasterxml.jackson.databind.JsonNode;

import jp.koyomi.common.InvalidInputException;
import jp.koyomi.customer.CustomerService;
import jp.koyomi.customer.CustomerView;
import jp.koyomi.user.Role;

@Path("/api/v1/templates")
@Tag(name = "Templates", description = "Versioned FreeMarker templates per channel; see docs/templates.md")
public class TemplateResource {

    @Inject
    TemplateService templates;

    @Inject
    CustomerService customers;

    public record Problems(List<TemplateProblem> problems) {
    }

    /**
     * Preview of a stored version, or of unsaved source for a channel: for a real customer when
     * {@code customerExternalId} is given (with the sample items; a campaign's explain shows the
     * items relevance picks), otherwise for the sample customer.
     */
    public record PreviewRequest(@Schema(examples = "1") Long versionId, @Schema(enumeration = { "EMAIL", "LINE", "POSTAL" }) String channel,
            @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.OBJECT, description = "Unsaved source, as for saving a version") JsonNode source,
            @Schema(description = "Preview for this customer instead of the sample one") String customerExternalId) {
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
    @ResponseStatus(201)
    @Operation(summary = "Saves the next version of a template", description = "Refused with 400 naming part, line and column when it does not render.")
    @RequestBody(required = true, content = @Content(mediaType = "application/json", schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.OBJECT, description = "The source: EMAIL {subject, html, text}; LINE {text} or {flex}; POSTAL {fields}; PARTIAL {body}"), examples = @ExampleObject(name = "email", value = "{\"subject\": \"${customer.familyName}様へ\", \"html\": \"<p>${customer.familyName}様</p>\", \"text\": \"${customer.familyName}様\"}")))
    @APIResponse(responseCode = "201", description = "The saved version", content = @Content(mediaType = "application/json", schema = @Schema(implementation = TemplateStore.Version.class)))
    @APIResponse(responseCode = "400", description = "The source does not render; errors name part, line and column")
    public TemplateStore.Version save(@Parameter(example = "example-letter") @PathParam("name") String name,
            @Parameter(schema = @Schema(enumeration = { "EMAIL", "LINE", "POSTAL", "PARTIAL" }), example = "EMAIL") @PathParam("channel") String channel,
            JsonNode source, @Context SecurityContext security) {
        return templates.save(name, channel, source, security.getUserPrincipal().getName());
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

    @POST
    @Path("/preview")
    @RolesAllowed(Role.MARKETER)
    @Operation(summary = "Renders a stored version or unsaved source for the sample customer or a real one")
    @RequestBody(required = true, content = @Content(mediaType = "application/json", examples = @ExampleObject(name = "unsaved", value = "{\"channel\": \"EMAIL\", \"source\": {\"subject\": \"${customer.familyName}様へ\", \"html\": \"<p>${customer.familyName}様</p>\", \"text\": \"${customer.familyName}様\"}}")))
    @APIResponse(responseCode = "200", description = "The rendered message")
    @APIResponse(responseCode = "400", description = "Neither a version_id nor channel and source; or the source does not render")
    @APIResponse(responseCode = "404", description = "No such version or customer")
    public RenderedMessage preview(PreviewRequest request) {
        MessageContext sample = TemplateService.sampleFor(LocalDate.now());
        if (request.customerExternalId() != null) {
            CustomerView c = customers.get(request.customerExternalId());
            sample = new MessageContext(new MessageContext.Customer(c.familyName(), c.givenName(), c.familyNameKana(),
                    c.givenNameKana(), c.prefecture() == null ? null : c.prefecture().name(), c.points(),
                    c.pointsExpireOn()), sample.items(), sample.blocks(), sample.campaignName(), sample.runDate(),
                    sample.unsubscribeUrl(), sample.sender());
        }
        if (request.versionId() != null) {
            return templates.preview(request.versionId(), sample);
        }
        if (request.channel() == null || request.source() == null) {
            throw new InvalidInputException("version_id", "name a version_id, or give channel and source");
        }
        return templates.previewSource(request.channel(), request.source(), sample);
    }
}

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

import org.jboss.resteasy.reactive.ResponseStatus;

import com.fasterxml.jackson.databind.JsonNode;

import jp.koyomi.common.InvalidInputException;
import jp.koyomi.customer.CustomerService;
import jp.koyomi.customer.CustomerView;
import jp.koyomi.user.Role;

@Path("/api/v1/templates")
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
    public record PreviewRequest(Long versionId, String channel, JsonNode source, String customerExternalId) {
    }

    /** The latest version of every template. */
    @GET
    @RolesAllowed(Role.VIEWER)
    public List<TemplateStore.Version> list() {
        return templates.latest();
    }

    @GET
    @Path("/versions/{id}")
    @RolesAllowed(Role.VIEWER)
    public TemplateStore.Version version(@PathParam("id") long id) {
        return templates.version(id);
    }

    /** Every version of a template, newest first; 404 when the template does not exist. */
    @GET
    @Path("/{name}/{channel}/versions")
    @RolesAllowed(Role.VIEWER)
    public List<TemplateStore.Version> history(@PathParam("name") String name, @PathParam("channel") String channel) {
        return templates.history(name, channel);
    }

    /** Saves the next version; refused with 400 naming part, line and column when it does not render. */
    @POST
    @Path("/{name}/{channel}/versions")
    @RolesAllowed(Role.MARKETER)
    @ResponseStatus(201)
    public TemplateStore.Version save(@PathParam("name") String name, @PathParam("channel") String channel,
            JsonNode source, @Context SecurityContext security) {
        return templates.save(name, channel, source, security.getUserPrincipal().getName());
    }

    @POST
    @Path("/validate/{channel}")
    @RolesAllowed(Role.MARKETER)
    public Problems validate(@PathParam("channel") String channel, JsonNode source) {
        return new Problems(templates.validate(channel, source));
    }

    @POST
    @Path("/preview")
    @RolesAllowed(Role.MARKETER)
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

package jp.koyomi.campaign;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
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

import jp.koyomi.user.Role;

@Path("/api/v1/campaigns")
@Tag(name = "Campaigns", description = "What to send, when and to whom; approval before anything goes out")
public class CampaignResource {

    @Inject
    CampaignService campaigns;

    @Schema(name = "NewCampaign", requiredProperties = { "name", "definition" })
    public record NewCampaign(@Schema(minLength = 1, maxLength = 200, examples = "週刊ニュースレター") String name,
            CampaignDefinition definition) {
    }

    @Schema(name = "Approval", requiredProperties = "revision")
    public record Approval(@Schema(description = "The revision the admin reviewed", examples = "1") int revision) {
    }

    @GET
    @RolesAllowed(Role.VIEWER)
    @Operation(summary = "Every campaign, archived ones included")
    public List<CampaignView> list() {
        return campaigns.list();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed(Role.VIEWER)
    @Operation(summary = "One campaign with its definition and next occurrences")
    @APIResponse(responseCode = "200", description = "The campaign")
    @APIResponse(responseCode = "404", description = "No such campaign")
    public CampaignView get(@Parameter(description = "Campaign id", example = "1") @PathParam("id") long id) {
        return campaigns.get(id);
    }

    @POST
    @RolesAllowed(Role.MARKETER)
    @Operation(summary = "Creates a campaign as a DRAFT at revision 1", description = "It sends nothing until an admin approves the revision and it is activated (or run now).")
    @RequestBody(required = true, content = @Content(mediaType = "application/json", examples = @ExampleObject(name = "weekly",
            value = "{\"name\": \"週刊ニュースレター（例）\", \"definition\": {\"cadence\": {\"type\": \"WEEKLY\", \"days\": [\"FRIDAY\"], \"at\": \"10:00\"}, \"rules\": {\"items\": {\"sources\": [{\"type\": \"NEW_ARRIVALS\", \"arrived_within_days\": 30}], \"max_items\": 4}}, \"fallback\": [\"LINE\", \"EMAIL\"], \"templates\": {\"EMAIL\": 1, \"LINE\": 2}, \"holdout_percent\": 5}}")))
    @APIResponse(responseCode = "201", description = "Created", headers = @Header(name = "Location", description = "The new campaign's URL", schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, format = "uri")),
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = CampaignView.class)))
    @APIResponse(responseCode = "400", description = "The definition is incomplete or has unknown fields; errors name each one")
    @APIResponse(responseCode = "409", description = "A campaign of that name exists already")
    public RestResponse<CampaignView> create(NewCampaign request, @Context SecurityContext security,
            @Context UriInfo uri) {
        CampaignView created = campaigns.create(request.name(), request.definition(), security.getUserPrincipal().getName());
        return RestResponse.ResponseBuilder.<CampaignView> created(uri.getAbsolutePathBuilder().path(String.valueOf(created.id())).build())
                .entity(created).build();
    }

    /** Replaces the definition; the approval lapses until an admin approves the new revision. */
    @PUT
    @Path("/{id}/definition")
    @RolesAllowed(Role.MARKETER)
    @Operation(summary = "Replaces the definition and raises the revision; the approval lapses")
    @RequestBody(required = true, content = @Content(mediaType = "application/json", examples = @ExampleObject(name = "weekly",
            value = "{\"cadence\": {\"type\": \"WEEKLY\", \"days\": [\"FRIDAY\"], \"at\": \"10:00\"}, \"rules\": {\"items\": {\"sources\": [{\"type\": \"NEW_ARRIVALS\", \"arrived_within_days\": 30}], \"max_items\": 4}}, \"fallback\": [\"LINE\", \"EMAIL\"], \"templates\": {\"EMAIL\": 1, \"LINE\": 2}, \"holdout_percent\": 5}")))
    @APIResponse(responseCode = "200", description = "The campaign at its new revision")
    @APIResponse(responseCode = "400", description = "The definition is incomplete or has unknown fields")
    @APIResponse(responseCode = "404", description = "No such campaign")
    @APIResponse(responseCode = "409", description = "The campaign is archived")
    public CampaignView update(@Parameter(description = "Campaign id", example = "1") @PathParam("id") long id, CampaignDefinition definition) {
        return campaigns.update(id, definition);
    }

    /** Approves the revision the admin reviewed; a stale revision is refused. */
    @POST
    @Path("/{id}/approval")
    @RolesAllowed(Role.ADMIN)
    @Operation(summary = "Approves the revision the admin reviewed")
    @RequestBody(required = true, content = @Content(mediaType = "application/json", examples = @ExampleObject(name = "first", value = "{\"revision\": 1}")))
    @APIResponse(responseCode = "200", description = "The approved campaign")
    @APIResponse(responseCode = "404", description = "No such campaign")
    @APIResponse(responseCode = "409", description = "The campaign has moved on to another revision since")
    public CampaignView approve(@Parameter(description = "Campaign id", example = "1") @PathParam("id") long id, Approval approval, @Context SecurityContext security) {
        return campaigns.approve(id, approval.revision(), security.getUserPrincipal().getName());
    }

    @POST
    @Path("/{id}/activate")
    @RolesAllowed(Role.MARKETER)
    @Operation(summary = "Lets the cadence fire; only an approved campaign")
    @APIResponse(responseCode = "200", description = "The campaign, ACTIVE")
    @APIResponse(responseCode = "404", description = "No such campaign")
    @APIResponse(responseCode = "409", description = "The current revision is not approved")
    public CampaignView activate(@Parameter(description = "Campaign id", example = "1") @PathParam("id") long id) {
        return campaigns.changeStatus(id, CampaignStatus.ACTIVE);
    }

    @POST
    @Path("/{id}/pause")
    @RolesAllowed(Role.MARKETER)
    @Operation(summary = "Stops the cadence firing until activated again")
    @APIResponse(responseCode = "200", description = "The campaign, PAUSED")
    @APIResponse(responseCode = "404", description = "No such campaign")
    public CampaignView pause(@Parameter(description = "Campaign id", example = "1") @PathParam("id") long id) {
        return campaigns.changeStatus(id, CampaignStatus.PAUSED);
    }

    @POST
    @Path("/{id}/archive")
    @RolesAllowed(Role.MARKETER)
    @Operation(summary = "Retires the campaign for good; its runs stay readable")
    @APIResponse(responseCode = "200", description = "The campaign, ARCHIVED")
    @APIResponse(responseCode = "404", description = "No such campaign")
    public CampaignView archive(@Parameter(description = "Campaign id", example = "1") @PathParam("id") long id) {
        return campaigns.changeStatus(id, CampaignStatus.ARCHIVED);
    }
}

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

import org.jboss.resteasy.reactive.ResponseStatus;

import jp.koyomi.user.Role;

@Path("/api/v1/campaigns")
public class CampaignResource {

    @Inject
    CampaignService campaigns;

    public record NewCampaign(String name, CampaignDefinition definition) {
    }

    public record Approval(int revision) {
    }

    @GET
    @RolesAllowed(Role.VIEWER)
    public List<CampaignView> list() {
        return campaigns.list();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed(Role.VIEWER)
    public CampaignView get(@PathParam("id") long id) {
        return campaigns.get(id);
    }

    @POST
    @RolesAllowed(Role.MARKETER)
    @ResponseStatus(201)
    public CampaignView create(NewCampaign request, @Context SecurityContext security) {
        return campaigns.create(request.name(), request.definition(), security.getUserPrincipal().getName());
    }

    /** Replaces the definition; the approval lapses until an admin approves the new revision. */
    @PUT
    @Path("/{id}/definition")
    @RolesAllowed(Role.MARKETER)
    public CampaignView update(@PathParam("id") long id, CampaignDefinition definition) {
        return campaigns.update(id, definition);
    }

    /** Approves the revision the admin reviewed; a stale revision is refused. */
    @POST
    @Path("/{id}/approval")
    @RolesAllowed(Role.ADMIN)
    public CampaignView approve(@PathParam("id") long id, Approval approval, @Context SecurityContext security) {
        return campaigns.approve(id, approval.revision(), security.getUserPrincipal().getName());
    }

    @POST
    @Path("/{id}/activate")
    @RolesAllowed(Role.MARKETER)
    public CampaignView activate(@PathParam("id") long id) {
        return campaigns.changeStatus(id, CampaignStatus.ACTIVE);
    }

    @POST
    @Path("/{id}/pause")
    @RolesAllowed(Role.MARKETER)
    public CampaignView pause(@PathParam("id") long id) {
        return campaigns.changeStatus(id, CampaignStatus.PAUSED);
    }

    @POST
    @Path("/{id}/archive")
    @RolesAllowed(Role.MARKETER)
    public CampaignView archive(@PathParam("id") long id) {
        return campaigns.changeStatus(id, CampaignStatus.ARCHIVED);
    }
}

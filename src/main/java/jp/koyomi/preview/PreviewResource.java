package jp.koyomi.preview;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.databind.JsonNode;

import jp.koyomi.common.InvalidInputException;
import jp.koyomi.user.Role;

@Path("/api/v1/templates/preview")
@Tag(name = "Templates")
public class PreviewResource {

    @Inject
    PreviewService previews;

    /**
     * A stored version ({@code version_id}), or unsaved source for a channel, for a customer or, without
     * {@code customer_external_id}, for the sample customer. The items are always the sample ones (a
     * campaign's explain shows the items relevance picks).
     */
    public record PreviewRequest(@Schema(examples = "1") Long versionId,
            @Schema(enumeration = { "EMAIL", "LINE", "POSTAL" }) String channel,
            @Schema(type = SchemaType.OBJECT, description = "Unsaved source, as for saving a version") JsonNode source,
            @Schema(description = "Preview for this customer instead of the sample one", examples = "DEMO-000007") String customerExternalId) {
    }

    @POST
    @RolesAllowed(Role.MARKETER)
    @Operation(summary = "The message a send produces, for a stored version or unsaved source",
            description = "Rendered for the sample customer or a real one, then built by the channel's own sender code: "
                    + "an email with its legal footer, signed one-click unsubscribe link and List-Unsubscribe headers; "
                    + "a LINE push as the SDK sends it; a postal DM row as the export writes it. A message the sender "
                    + "would refuse is a 400 naming the part, as a template that does not render is.")
    @RequestBody(required = true, content = @Content(mediaType = "application/json", examples = {
        @ExampleObject(name = "unsaved", value = "{\"channel\": \"EMAIL\", \"source\": {\"subject\": \"${customer.familyName}様へ\", "
                + "\"html\": \"<p>${customer.familyName}様</p>\", \"text\": \"${customer.familyName}様\"}}"),
        @ExampleObject(name = "stored", value = "{\"version_id\": 1, \"customer_external_id\": \"DEMO-000007\"}") }))
    @APIResponse(responseCode = "200", description = "The message as sent", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = MessagePreview.class)))
    @APIResponse(responseCode = "400", description = "Neither a version_id nor channel and source; a partial's version; the "
            + "source does not render; or the channel's sender would refuse the message")
    @APIResponse(responseCode = "404", description = "No such version or customer")
    public MessagePreview preview(PreviewRequest request) {
        if (request.versionId() != null) {
            return previews.version(request.versionId(), request.customerExternalId());
        }
        if (request.channel() == null || request.source() == null) {
            throw new InvalidInputException("version_id", "name a version_id, or give channel and source");
        }
        return previews.source(request.channel(), request.source(), request.customerExternalId());
    }
}

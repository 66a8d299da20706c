package jp.koyomi.channel.line;

import java.util.Optional;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.logging.Logger;

import jp.koyomi.customer.ConsentService;

/**
 * LINE's webhook. Open, but every call must carry a valid {@code X-Line-Signature}; anything else
 * gets a bare 401. A follow grants and an unfollow withdraws LINE consent, each event once and by
 * the time it happened on LINE, not the order it arrives in.
 */
@Path("/line/webhook")
@Tag(name = "LINE", description = "The LINE Messaging API webhook (signed by LINE)")
@PermitAll
public class LineWebhookResource {

    private static final Logger LOG = Logger.getLogger(LineWebhookResource.class);

    @Inject
    ConsentService consents;

    private final Optional<LineWebhook> webhook;

    @Inject
    public LineWebhookResource(LineConfig config) {
        this.webhook = config.channelSecret().filter(s -> !s.isBlank()).map(LineWebhook::new);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Receives LINE follow and unfollow events", description = "Verified by the X-Line-Signature header.")
    @RequestBody(required = true, content = @Content(mediaType = "application/json", schema = @Schema(type = SchemaType.OBJECT, description = "LINE's webhook body"), examples = @ExampleObject(name = "empty", value = "{\"destination\": \"U0\", \"events\": []}")))
    @APIResponse(responseCode = "200", description = "Accepted")
    @APIResponse(responseCode = "400", description = "Not a webhook body", content = @Content(mediaType = "text/plain"))
    @APIResponse(responseCode = "401", description = "Missing or wrong signature")
    public Response receive(@HeaderParam("X-Line-Signature") String signature, byte[] body) {
        if (webhook.isEmpty()) {
            return Response.status(401).build();
        }
        try {
            for (LineConsentEvent event : webhook.get().consentEvents(signature, body)) {
                int changed = consents.changeLine(event.lineUserId(), event.change() == LineConsentEvent.Change.FOLLOW,
                        event.webhookEventId(), event.occurredAt());
                LOG.debugf("LINE %s event %s changed %d customers", event.change(), event.webhookEventId(), changed);
            }
            return Response.ok().build();
        } catch (InvalidSignatureException e) {
            return Response.status(401).build();
        } catch (MalformedWebhookException e) {
            return Response.status(400).build();
        }
    }
}

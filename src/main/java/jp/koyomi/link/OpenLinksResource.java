package jp.koyomi.link;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Optional;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.agroal.api.AgroalDataSource;
import jp.koyomi.customer.ConsentService;

/**
 * The open links every message carries. Nothing here needs a login; each request is verified by
 * its HMAC-signed token instead, so nobody can unsubscribe or track someone else.
 */
@Path("/")
@Tag(name = "Open links", description = "Signed links from sent messages; no login")
@PermitAll
public class OpenLinksResource {

    @Inject
    SignedLinks links;

    @Inject
    ConsentService consents;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    Clock clock;

    /** The page behind the footer link: asks before unsubscribing, since mail scanners follow GET links. */
    @GET
    @Path("unsubscribe/{token}")
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "The unsubscribe confirmation page behind a footer link")
    @APIResponse(responseCode = "200", description = "The page", content = @Content(mediaType = "text/html"))
    @APIResponse(responseCode = "400", description = "The token is not valid", content = @Content(mediaType = "text/html"))
    public Response confirm(@Parameter(description = "The signed token from the message", example = "invalid-token") @PathParam("token") String token) {
        if (links.verifyUnsubscribe(token).isEmpty()) {
            return page(400, "このリンクは無効です。", "This link is not valid.");
        }
        return Response.ok(Pages.confirm(token)).type(MediaType.TEXT_HTML + ";charset=UTF-8").build();
    }

    /** One-click unsubscribe (RFC 8058): mail clients POST here; the confirmation form does too. */
    @POST
    @Path("unsubscribe/{token}")
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "One-click unsubscribe (RFC 8058)")
    @APIResponse(responseCode = "200", description = "Unsubscribed", content = @Content(mediaType = "text/html"))
    @APIResponse(responseCode = "400", description = "The token is not valid", content = @Content(mediaType = "text/html"))
    @APIResponse(responseCode = "404", description = "No such recipient", content = @Content(mediaType = "text/html"))
    public Response unsubscribe(@Parameter(description = "The signed token from the message", example = "invalid-token") @PathParam("token") String token) {
        Optional<UnsubscribeToken> verified = links.verifyUnsubscribe(token);
        if (verified.isEmpty()) {
            return page(400, "このリンクは無効です。", "This link is not valid.");
        }
        if (!consents.unsubscribe(verified.get().customerId(), verified.get().channel())) {
            return page(404, "配信先が見つかりません。", "No such recipient.");
        }
        return page(200, "配信を停止しました。今後このチャネルでのお知らせはお送りしません。",
                "You are unsubscribed from this channel.");
    }

    @GET
    @Path("click/{token}")
    @Operation(summary = "Records a click and redirects to the link's target")
    @APIResponse(responseCode = "302", description = "To the target")
    @APIResponse(responseCode = "400", description = "The token is not valid", content = @Content(mediaType = "text/html"))
    public Response click(@Parameter(description = "The signed token from the message", example = "invalid-token") @PathParam("token") String token) {
        Optional<ClickToken> verified = links.verifyClick(token);
        if (verified.isEmpty()) {
            return page(400, "このリンクは無効です。", "This link is not valid.");
        }
        record(verified.get());
        return Response.status(302).location(verified.get().target()).build();
    }

    private void record(ClickToken click) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "INSERT INTO click (delivery_id, target, clicked_at) VALUES (?, ?, ?)")) {
            s.setLong(1, click.deliveryId());
            s.setString(2, click.target().toString());
            s.setObject(3, clock.instant().atOffset(ZoneOffset.UTC));
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot record a click", e);
        }
    }

    private static Response page(int status, String japanese, String english) {
        return Response.status(status).type(MediaType.TEXT_HTML + ";charset=UTF-8").entity(Pages.message(japanese, english))
                .build();
    }

    /** Small static pages; the token is URL-safe base64, so it needs no escaping. */
    static final class Pages {
        private static final String HEAD = "<!doctype html><html lang=\"ja\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>配信停止</title>"
                + "<style>body{font-family:system-ui,'Hiragino Sans',sans-serif;max-width:32rem;margin:3rem auto;"
                + "padding:0 1rem;color:#222}button{padding:.6rem 1.2rem;font-size:1rem}</style></head><body>";

        static String confirm(String token) {
            return HEAD + "<h1>配信停止</h1><p>このチャネルでのお知らせの配信を停止しますか？</p>"
                    + "<form method=\"post\" action=\"/" + SignedLinks.UNSUBSCRIBE_PATH + "/" + token + "\">"
                    + "<button type=\"submit\">配信を停止する (Unsubscribe)</button></form></body></html>";
        }

        static String message(String japanese, String english) {
            return HEAD + "<p>" + japanese + "</p><p lang=\"en\">" + english + "</p></body></html>";
        }

        private Pages() {
        }
    }

}

package jp.koyomi.settings;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.SecurityContext;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import jp.koyomi.user.Role;

@Path("/api/v1/settings")
@Tag(name = "Settings", description = "Sender identity, legal footer, frequency cap and quiet hours, stored in the database; "
        + "values set in the environment win. Channel status.")
public class SettingsResource {

    static final String EXAMPLE = "{\"sender\": {\"from_name\": \"こよみアパレル\", \"from_address\": \"news@koyomi-apparel.example\", "
            + "\"reply_to\": \"support@koyomi-apparel.example\"}, \"legal_footer\": {\"legal_name\": \"株式会社こよみアパレル\", "
            + "\"postal_address\": \"〒150-0001 東京都渋谷区神宮前1丁目2-3\", \"contact\": \"support@koyomi-apparel.example\"}, "
            + "\"frequency_cap\": {\"max\": 3, \"window\": \"P7D\"}, "
            + "\"quiet_hours\": {\"opens\": \"09:00\", \"closes\": \"20:00\", \"zone\": \"Asia/Tokyo\"}}";

    @Inject
    SettingsService settings;

    @Inject
    ChannelStatusService channels;

    @GET
    @RolesAllowed(Role.VIEWER)
    @Operation(summary = "The settings in force and where each value comes from",
            description = "A field whose origin is fixed is set in the environment or configuration and cannot be changed here.")
    @APIResponse(responseCode = "200", description = "The settings", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = SettingsView.class)))
    public SettingsView get() {
        return settings.view();
    }

    @PUT
    @RolesAllowed(Role.ADMIN)
    @Operation(summary = "Replaces the saved settings; they apply without a restart",
            description = "A field left out or null goes back to its configured or default value. A field fixed by the "
                    + "environment may only be sent with its current value. Other instances pick the change up within "
                    + "koyomi.settings.refresh (5 s).")
    @RequestBody(required = true, content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = SettingsValues.class), examples = @ExampleObject(name = "sender and quiet hours", value = EXAMPLE)))
    @APIResponse(responseCode = "200", description = "The settings now in force", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = SettingsView.class)))
    @APIResponse(responseCode = "400", description = "A field is not acceptable, unknown, or fixed by the environment; errors name each one")
    public SettingsView put(SettingsValues values, @Context SecurityContext security) {
        return settings.replace(values, security.getUserPrincipal().getName());
    }

    @GET
    @Path("/channels")
    @RolesAllowed(Role.VIEWER)
    @Operation(summary = "Whether each channel can send now",
            description = "SMTP: connects and says EHLO and NOOP (no message is sent). LINE: the token is checked by reading "
                    + "the month's quota and consumption. A channel the outbox paused says until when. Without a server "
                    + "configured, a channel writes to the file outbox.")
    @APIResponse(responseCode = "200", description = "One entry per channel (email, LINE)", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = ChannelStatusService.ChannelStatuses.class)))
    public ChannelStatusService.ChannelStatuses channels() {
        return channels.all();
    }
}

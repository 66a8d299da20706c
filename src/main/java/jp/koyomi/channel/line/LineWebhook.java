package jp.koyomi.channel.line;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import com.linecorp.bot.parser.LineSignatureValidator;
import com.linecorp.bot.parser.WebhookParseException;
import com.linecorp.bot.parser.WebhookParser;
import com.linecorp.bot.webhook.model.CallbackRequest;
import com.linecorp.bot.webhook.model.DeliveryContext;
import com.linecorp.bot.webhook.model.Event;
import com.linecorp.bot.webhook.model.FollowEvent;
import com.linecorp.bot.webhook.model.UnfollowEvent;
import com.linecorp.bot.webhook.model.UserSource;

/**
 * Reads LINE webhook calls: checks the signature against the channel secret, then keeps the events
 * that change consent. Pass the raw request body bytes; a re-serialised body would not match.
 * Thread-safe.
 */
public final class LineWebhook {

    private final LineSignatureValidator validator;
    private final WebhookParser parser;

    public LineWebhook(String channelSecret) {
        Objects.requireNonNull(channelSecret, "channelSecret");
        if (channelSecret.isBlank()) {
            throw new IllegalArgumentException("channelSecret must not be blank");
        }
        this.validator = new LineSignatureValidator(channelSecret.getBytes(StandardCharsets.UTF_8));
        this.parser = new WebhookParser(validator);
    }

    /**
     * @param signature the X-Line-Signature header, may be null
     * @return follow and unfollow events of users, in the order LINE sent them; other events are left out
     * @throws InvalidSignatureException  when the signature is missing or wrong
     * @throws MalformedWebhookException  when the signed body is not a LINE callback
     */
    public List<LineConsentEvent> consentEvents(String signature, byte[] body)
            throws InvalidSignatureException, MalformedWebhookException {
        // Checked here first so a forgery is told apart from a malformed body; the parser checks again.
        if (signature == null || signature.isBlank() || body == null || !validSignature(body, signature)) {
            throw new InvalidSignatureException();
        }
        CallbackRequest callback;
        try {
            callback = parser.handle(signature, body);
        } catch (WebhookParseException | IOException e) {
            throw new MalformedWebhookException("not a LINE webhook callback", e);
        }
        List<LineConsentEvent> events = new ArrayList<>();
        for (Event event : callback.events()) {
            LineConsentEvent.Change change = event instanceof FollowEvent ? LineConsentEvent.Change.FOLLOW
                    : event instanceof UnfollowEvent ? LineConsentEvent.Change.UNFOLLOW : null;
            if (change != null && event.source() instanceof UserSource user && user.userId() != null) {
                if (event.timestamp() == null || event.webhookEventId() == null) {
                    throw new MalformedWebhookException("follow/unfollow event without timestamp or webhookEventId", null);
                }
                events.add(new LineConsentEvent(change, user.userId(), event.webhookEventId(),
                        Instant.ofEpochMilli(event.timestamp()), redelivery(event)));
            }
        }
        return events;
    }

    private boolean validSignature(byte[] body, String signature) {
        try {
            return validator.validateSignature(body, signature);
        } catch (IllegalArgumentException notBase64) {
            return false;
        }
    }

    private static boolean redelivery(Event event) {
        DeliveryContext context = event.deliveryContext();
        return context != null && Boolean.TRUE.equals(context.isRedelivery());
    }
}

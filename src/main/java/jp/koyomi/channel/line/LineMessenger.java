package jp.koyomi.channel.line;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

import org.jboss.logging.Logger;

import com.linecorp.bot.client.base.Result;
import com.linecorp.bot.messaging.client.MessagingApiClient;
import com.linecorp.bot.messaging.model.PushMessageRequest;
import com.linecorp.bot.messaging.model.PushMessageResponse;

import jp.koyomi.delivery.Messenger;
import jp.koyomi.delivery.OutboundMessage;
import jp.koyomi.delivery.SendResult;
import jp.koyomi.domain.Channel;

/**
 * Pushes LINE messages through the Messaging API with the delivery's retry key, so a retry after a
 * timeout can never deliver twice: LINE answers 409 to a key it has already accepted. One instance
 * serves all LINE workers; the rate limiter passed in may be shared wider still.
 */
public final class LineMessenger implements Messenger {

    private static final Logger LOG = Logger.getLogger(LineMessenger.class);

    private final MessagingApiClient client;
    private final LinePushRequests requests;
    private final PushRateLimiter limiter;
    private final Clock clock;
    private final int parallelPushes;

    public LineMessenger(LineSettings settings, PushRateLimiter limiter, Clock clock) {
        this(client(settings), new LinePushRequests(), limiter, clock, settings.maxConnections());
    }

    LineMessenger(MessagingApiClient client, LinePushRequests requests, PushRateLimiter limiter, Clock clock,
            int parallelPushes) {
        this.client = client;
        this.requests = requests;
        this.limiter = limiter;
        this.clock = clock;
        this.parallelPushes = parallelPushes;
    }

    /**
     * One worker per request in flight: a push waits for LINE's answer (and the outbox records it)
     * before its worker takes the next, so this many workers keep the rate limiter's share busy.
     */
    @Override
    public int parallelSends() {
        return parallelPushes;
    }

    static MessagingApiClient client(LineSettings settings) {
        return MessagingApiClient.builder(settings.channelAccessToken())
                .apiEndPoint(settings.apiBaseUrl())
                // The SDK's default logger writes whole requests, bearer token included.
                .usingDefaultLogger(false)
                .connectTimeout(settings.connectTimeout())
                .readTimeout(settings.readTimeout())
                .writeTimeout(settings.readTimeout())
                .maxRequests(settings.maxConnections())
                .maxRequestsPerHost(settings.maxConnections())
                .build();
    }

    @Override
    public Channel channel() {
        return Channel.LINE;
    }

    @Override
    public SendResult send(OutboundMessage message) {
        PushMessageRequest request;
        try {
            request = requests.of(message);
        } catch (LineMessageRejectedException e) {
            return logged(message, new SendResult.Failed(e.getMessage()));
        }
        CompletableFuture<Result<PushMessageResponse>> push = null;
        try {
            limiter.acquire();
            push = client.pushMessage(message.retryKey(), request);
            return new SendResult.Sent(push.get().requestId());
        } catch (ExecutionException e) {
            return logged(message, LineOutcome.of(e.getCause(), clock.instant()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            if (push != null) {
                push.cancel(true);
            }
            return new SendResult.Retry("interrupted before LINE answered", Duration.ZERO);
        }
    }

    private static SendResult logged(OutboundMessage message, SendResult result) {
        // The delivery id and LINE's reason only: never the message, the user id or the token.
        if (result instanceof SendResult.Sent) {
            LOG.debugf("LINE delivery %d was already accepted under its retry key", message.deliveryId());
        } else {
            // DEBUG: the outbox logs one summary per batch, so an outage is not a warning per delivery.
            LOG.debugf("LINE delivery %d not sent: %s", message.deliveryId(), result);
        }
        return result;
    }
}

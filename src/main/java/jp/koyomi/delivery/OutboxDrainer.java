package jp.koyomi.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

/**
 * Sends one claimed batch of a channel through its messenger and records each outcome. Consent is
 * checked again here, at send time, so an unsubscribe or LINE unfollow after the run still wins.
 */
@ApplicationScoped
public class OutboxDrainer {

    private static final Logger LOG = Logger.getLogger(OutboxDrainer.class);
    static final Duration CHANNEL_PAUSE = Duration.ofHours(1);

    @Inject
    Outbox outbox;

    @Inject
    OutboxConfig config;

    @Inject
    Clock clock;

    @Inject
    UnsubscribeLinks links;

    @Inject
    jp.koyomi.metrics.PipelineMetrics metrics;

    /** Drains one batch; returns how many deliveries it handled (0: nothing was due). */
    public int drainBatch(Messenger messenger) {
        List<ClaimedDelivery> batch = outbox.claim(messenger.channel(), config.batchSize(), clock.instant(), config.lease());
        for (int i = 0; i < batch.size(); i++) {
            if (!send(messenger, batch.get(i))) {
                Instant resume = clock.instant().plus(CHANNEL_PAUSE);
                batch.subList(i + 1, batch.size()).forEach(d -> outbox.retryAt(d.id(), resume, "channel paused"));
                break;
            }
        }
        return batch.size();
    }

    /** Returns false when the channel must pause. */
    private boolean send(Messenger messenger, ClaimedDelivery d) {
        if (!d.consented()) {
            outbox.finish(d.id(), DeliveryStatus.SKIPPED, "consent withdrawn before sending");
            metrics.sendOutcome(d.channel(), "skipped", "consent_withdrawn");
            return true;
        }
        if (d.recipient() == null || d.recipient().isBlank()) {
            outbox.finish(d.id(), DeliveryStatus.FAILED, "the customer has no " + d.channel() + " address any more");
            metrics.sendOutcome(d.channel(), "failed", "no_address");
            return true;
        }
        SendResult result;
        try {
            result = messenger.send(new OutboundMessage(d.id(), d.retryKey(), d.channel(), d.recipient(),
                    d.recipientName(), MessageCodec.decode(d.channel(), d.content()),
                    links.unsubscribe(d.customerId(), d.channel())));
        } catch (RuntimeException e) {
            LOG.warnf("Delivery %d: %s failed unexpectedly: %s", d.id(), d.channel(), e.toString());
            result = new SendResult.Retry(e.getClass().getSimpleName() + ": " + e.getMessage(), Duration.ZERO);
        }
        Instant now = clock.instant();
        metrics.sendOutcome(d.channel(), result);
        if (result instanceof SendResult.Sent sent) {
            outbox.sent(d.id(), sent.providerId(), now);
        } else if (result instanceof SendResult.Failed failed) {
            outbox.finish(d.id(), DeliveryStatus.FAILED, failed.reason());
        } else if (result instanceof SendResult.Retry retry) {
            retry(d, retry, now);
        } else if (result instanceof SendResult.ChannelPaused paused) {
            LOG.warnf("%s channel paused for %s: %s", d.channel(), CHANNEL_PAUSE, paused.reason());
            outbox.retryAt(d.id(), now.plus(CHANNEL_PAUSE), "channel paused: " + paused.reason());
            return false;
        }
        return true;
    }

    private void retry(ClaimedDelivery d, SendResult.Retry retry, Instant now) {
        if (d.attempts() >= config.maxAttempts()) {
            outbox.finish(d.id(), DeliveryStatus.FAILED, "gave up after " + d.attempts() + " attempts: " + retry.reason());
            metrics.sendOutcome(d.channel(), "failed", "gave_up");
            return;
        }
        Duration wait = new Backoff(config.firstRetryDelay(), config.maxRetryDelay()).delayBefore(d.attempts(),
                ThreadLocalRandom.current());
        Duration notBefore = retry.notBefore() == null ? Duration.ZERO : retry.notBefore();
        outbox.retryAt(d.id(), now.plus(wait.compareTo(notBefore) >= 0 ? wait : notBefore), retry.reason());
    }
}

package jp.koyomi.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import jp.koyomi.domain.Channel;
import jp.koyomi.metrics.PipelineMetrics;

/**
 * Sends one claimed batch of a channel through its messenger and records each outcome. Before each
 * send the {@link SendGate} decides whether the delivery may still go out (consent, expiry, stock,
 * quiet hours) and the outbox confirms the claim still owns it; a worker that lost its claim stops.
 * <p>
 * Many workers of a channel use one drainer at once, each with its own claim. When the provider
 * pauses the channel (quota, credentials), the drainer remembers it: every worker of the channel
 * defers what it still holds and none claims again until the pause is over.
 */
@ApplicationScoped
public class OutboxDrainer {

    private static final Logger LOG = Logger.getLogger(OutboxDrainer.class);
    static final Duration CHANNEL_PAUSE = Duration.ofHours(1);

    private final Outbox outbox;
    private final OutboxConfig config;
    private final Clock clock;
    private final UnsubscribeLinks links;
    private final SendGate gate;
    private final PipelineMetrics metrics;
    private final OutageLog outages = new OutageLog();
    private final Map<Channel, Instant> pausedUntil = new ConcurrentHashMap<>();

    @Inject
    public OutboxDrainer(Outbox outbox, OutboxConfig config, Clock clock, UnsubscribeLinks links, SendGate gate,
            PipelineMetrics metrics) {
        this.outbox = outbox;
        this.config = config;
        this.clock = clock;
        this.links = links;
        this.gate = gate;
        this.metrics = metrics;
    }

    /** Drains one batch; returns how many deliveries it claimed (0: nothing was due, or the window is closed). */
    public int drainBatch(Messenger messenger) {
        Instant start = clock.instant();
        if (!gate.windowOpen(messenger.channel(), start) || pausedUntil(messenger.channel(), start) != null) {
            return 0;
        }
        Outbox.Claim claim = outbox.claim(messenger.channel(), config.batchSize(), start, config.lease());
        if (!claim.isEmpty()) {
            send(claim, messenger);
        }
        return claim.deliveries().size();
    }

    /** Sends a claim's deliveries one by one, renewing its lease as it goes; stops when it lost the claim. */
    void send(Outbox.Claim claim, Messenger messenger) {
        Set<String> skus = new LinkedHashSet<>();
        claim.deliveries().forEach(d -> skus.addAll(d.offer().skus()));
        Map<String, Integer> stock = outbox.stock(skus);
        BatchSummary summary = new BatchSummary(messenger.channel());
        Instant leasedUntil = claim.leasedUntil();
        for (int i = 0; i < claim.deliveries().size(); i++) {
            ClaimedDelivery d = claim.deliveries().get(i);
            Instant now = clock.instant();
            // Renew while half the lease is left, so the rows still waiting in this batch stay ours.
            if (now.isAfter(leasedUntil.minus(config.lease().dividedBy(2)))) {
                leasedUntil = now.plus(config.lease());
                outbox.renew(claim.token(), leasedUntil);
            }
            Instant paused = pausedUntil(d.channel(), now);
            if (paused != null) {
                // Another worker met the pause while this one was sending: send nothing more.
                deferRest(claim, i, paused, summary);
                break;
            }
            Step step = handle(messenger, d, now, stock, summary);
            if (step == Step.CLAIM_LOST) {
                LOG.infof("%s worker lost its claim on delivery %d (its lease ran out and another worker took it); "
                        + "stopping this batch without sending", d.channel(), d.id());
                outbox.release(claim.token());
                break;
            }
            if (step == Step.PAUSE) {
                deferRest(claim, i + 1, pausedUntil.get(d.channel()), summary);
                break;
            }
        }
        summary.log(outages, clock.instant());
    }

    /** The end of the channel's pause on this instance, or null when it is not paused at {@code now}. */
    private Instant pausedUntil(Channel channel, Instant now) {
        Instant until = pausedUntil.get(channel);
        return until != null && until.isAfter(now) ? until : null;
    }

    private void deferRest(Outbox.Claim claim, int from, Instant resume, BatchSummary summary) {
        for (ClaimedDelivery rest : claim.deliveries().subList(from, claim.deliveries().size())) {
            outbox.defer(rest, resume, "channel paused", false);
            summary.deferred();
        }
    }

    private enum Step { NEXT, PAUSE, CLAIM_LOST }

    private Step handle(Messenger messenger, ClaimedDelivery d, Instant now, Map<String, Integer> stock,
            BatchSummary summary) {
        SendGate.Verdict verdict = gate.check(SendGate.Candidate.of(d), now, stock);
        if (verdict instanceof SendGate.Withhold withhold) {
            summary.withheld(withhold.status());
            metrics.sendOutcome(d.channel(), withhold.status().name().toLowerCase(), "checked_before_sending");
            return outbox.finish(d, withhold.status(), withhold.reason()) ? Step.NEXT : Step.CLAIM_LOST;
        }
        if (verdict instanceof SendGate.Defer defer) {
            summary.deferred();
            return outbox.defer(d, defer.until(), defer.reason(), false) ? Step.NEXT : Step.CLAIM_LOST;
        }
        // The lease now covers this send whole: connect and read timeouts are far shorter than it.
        switch (outbox.hold(d, now.plus(config.lease()))) {
            case HELD -> {
                // sent below
            }
            case CONSENT_WITHDRAWN -> {
                // The customer refused after this batch was claimed: the row already ended SKIPPED.
                summary.withheld(DeliveryStatus.SKIPPED);
                metrics.sendOutcome(d.channel(), "skipped", "consent_withdrawn_before_sending");
                return Step.NEXT;
            }
            case ADDRESS_CHANGED -> {
                // Let go: claimed again with the address the customer has now, not sent to the old one.
                return Step.NEXT;
            }
            case CLAIM_LOST -> {
                return Step.CLAIM_LOST;
            }
        }
        SendResult result;
        try {
            result = messenger.send(new OutboundMessage(d.id(), d.retryKey(), d.channel(), d.recipient(),
                    d.recipientName(), MessageCodec.decode(d.channel(), d.content()),
                    links.unsubscribe(d.customerId(), d.channel())));
        } catch (RuntimeException e) {
            result = new SendResult.Retry(e.getClass().getSimpleName() + ": " + e.getMessage(), Duration.ZERO);
        }
        Instant after = clock.instant();
        metrics.sendOutcome(d.channel(), result);
        boolean recorded;
        if (result instanceof SendResult.Sent sent) {
            summary.sent();
            recorded = outbox.sent(d, sent.providerId(), after);
        } else if (result instanceof SendResult.Failed failed) {
            summary.failed(failed.reason());
            recorded = outbox.finish(d, DeliveryStatus.FAILED, failed.reason());
        } else if (result instanceof SendResult.Retry retry) {
            recorded = retry(d, retry, after, summary);
        } else {
            SendResult.ChannelPaused paused = (SendResult.ChannelPaused) result;
            LOG.warnf("%s channel paused for %s: %s", d.channel(), CHANNEL_PAUSE, paused.reason());
            summary.deferred();
            Instant resume = after.plus(CHANNEL_PAUSE);
            pausedUntil.merge(d.channel(), resume, (a, b) -> a.isAfter(b) ? a : b);
            outbox.defer(d, resume, "channel paused: " + paused.reason(), true);
            return Step.PAUSE;
        }
        if (!recorded) {
            // Cannot happen while the lease outlasts a send; if it does, say so loudly.
            LOG.errorf("%s delivery %d: the outcome (%s) was not recorded: the claim was lost during the send",
                    d.channel(), d.id(), result.getClass().getSimpleName());
        }
        return Step.NEXT;
    }

    /** Retries with backoff (and no sooner than the channel asked) until the delivery's expiry. */
    private boolean retry(ClaimedDelivery d, SendResult.Retry retry, Instant now, BatchSummary summary) {
        int attempt = d.attempts() + 1;
        Duration wait = new Backoff(config.firstRetryDelay(), config.maxRetryDelay()).delayBefore(attempt,
                ThreadLocalRandom.current());
        Duration notBefore = retry.notBefore() == null ? Duration.ZERO : retry.notBefore();
        Instant due = now.plus(wait.compareTo(notBefore) >= 0 ? wait : notBefore);
        if (d.expiresAt() != null && !due.isBefore(d.expiresAt())) {
            summary.withheld(DeliveryStatus.EXPIRED);
            metrics.sendOutcome(d.channel(), "expired", "retries_past_expiry");
            return outbox.finish(d, DeliveryStatus.EXPIRED, "expired at " + d.expiresAt() + " after " + attempt
                    + " attempts: " + retry.reason());
        }
        summary.retried(retry.reason());
        return outbox.retryAt(d, due, retry.reason());
    }
}

package jp.koyomi.channel.line;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.linecorp.bot.client.base.exception.AbstractLineClientException;
import com.linecorp.bot.messaging.client.MessagingApiClient;
import com.linecorp.bot.messaging.model.MessageQuotaResponse;
import com.linecorp.bot.messaging.model.QuotaConsumptionResponse;
import com.linecorp.bot.messaging.model.QuotaType;

/**
 * Whether the LINE channel token works, and how much of the month's message quota is used: reads
 * {@code GET /v2/bot/message/quota} and {@code /quota/consumption}, which need a valid token and
 * send nothing.
 */
@ApplicationScoped
public class LineCheck {

    static final Duration TIMEOUT = Duration.ofSeconds(5);

    @Inject
    LineConfig line;

    private volatile MessagingApiClient client;

    /**
     * @param tokenValid null when LINE could not be asked (unreachable)
     * @param quotaLimit messages a month, null when the plan has no limit or it is unknown
     * @param quotaUsed  messages sent this month, null when unknown
     */
    public record Result(Boolean tokenValid, Long quotaLimit, Long quotaUsed, String detail) {
    }

    /** Empty when no token is configured: LINE pushes go to the file outbox. */
    public Optional<Result> check() {
        if (line.channelAccessToken().isEmpty()) {
            return Optional.empty();
        }
        try {
            MessageQuotaResponse quota = client().getMessageQuota().get(2 * TIMEOUT.toSeconds(), TimeUnit.SECONDS).body();
            QuotaConsumptionResponse used = client().getMessageQuotaConsumption().get(2 * TIMEOUT.toSeconds(), TimeUnit.SECONDS).body();
            Long limit = quota.type() == QuotaType.LIMITED ? quota.value() : null;
            return Optional.of(new Result(true, limit, used.totalUsage(), limit == null ? "token valid; no monthly limit"
                    : "token valid; " + used.totalUsage() + " of " + limit + " messages used this month"));
        } catch (ExecutionException e) {
            return Optional.of(failed(e.getCause()));
        } catch (TimeoutException e) {
            return Optional.of(new Result(null, null, null, "LINE did not answer within " + 2 * TIMEOUT.toSeconds() + " s"));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of(new Result(null, null, null, "interrupted before LINE answered"));
        }
    }

    private static Result failed(Throwable cause) {
        if (cause instanceof AbstractLineClientException api) {
            boolean refused = api.getCode() == 401 || api.getCode() == 403;
            return new Result(refused ? false : null, null, null, "LINE answered " + api.getCode()
                    + (refused ? ": the channel access token is not valid" : ""));
        }
        String what = cause instanceof IOException ? "LINE API unreachable: " : "LINE check failed: ";
        return new Result(null, null, null, what + cause.getClass().getSimpleName()
                + (cause.getMessage() == null ? "" : " " + cause.getMessage()));
    }

    /** One client for the checks (the token cannot change while Koyomi runs); never the sender's, which is busy. */
    private MessagingApiClient client() {
        if (client == null) {
            synchronized (this) {
                if (client == null) {
                    client = LineMessenger.client(new LineSettings(line.apiBaseUrl(), line.channelAccessToken().get(),
                            TIMEOUT, TIMEOUT, 2));
                }
            }
        }
        return client;
    }
}

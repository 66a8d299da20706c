package jp.koyomi.channel.line;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.stream.Collectors;

import com.linecorp.bot.client.base.exception.AbstractLineClientException;
import com.linecorp.bot.messaging.client.MessagingApiClientException;
import com.linecorp.bot.messaging.model.ErrorDetail;

import jp.koyomi.delivery.SendResult;

/** What a failed push means for the delivery, following LINE's documented status codes. */
final class LineOutcome {

    private static final String ACCEPTED_REQUEST_ID = "X-Line-Accepted-Request-Id";

    private LineOutcome() {
    }

    /** @param now when LINE answered, to read a {@code Retry-After} given as a date */
    static SendResult of(Throwable failure, Instant now) {
        if (failure instanceof AbstractLineClientException api) {
            return ofStatus(api, now);
        }
        if (failure instanceof IOException) {
            // Timeouts and broken connections: LINE may or may not have the push; the retry key settles it.
            return new SendResult.Retry("LINE API unreachable: " + failure.getClass().getSimpleName()
                    + (failure.getMessage() == null ? "" : " " + failure.getMessage()), Duration.ZERO);
        }
        return new SendResult.Retry("LINE push failed: " + failure, Duration.ZERO);
    }

    private static SendResult ofStatus(AbstractLineClientException api, Instant now) {
        int status = api.getCode();
        String message = api instanceof MessagingApiClientException m && m.getError() != null ? m.getError() : "";
        if (status == 409) {
            // Same retry key seen before: an earlier attempt went through.
            String accepted = api.getHeader(ACCEPTED_REQUEST_ID);
            return new SendResult.Sent(accepted != null ? accepted : api.getRequestId());
        }
        if (status == 429 && message.contains("monthly limit")) {
            return new SendResult.ChannelPaused("LINE monthly message quota reached: " + message);
        }
        if (status == 429 || status >= 500) {
            return new SendResult.Retry("LINE " + status + " " + message, retryAfter(api.getHeader("Retry-After"), now));
        }
        if (status == 401 || status == 403) {
            // A bad or revoked channel token, or a plan without push: every other push fails the same way.
            return new SendResult.ChannelPaused("LINE " + status + " " + message);
        }
        return new SendResult.Failed("LINE " + status + " " + message + details(api));
    }

    /**
     * How long LINE asked to wait (RFC 9110: seconds, or an HTTP date); zero when it did not say or
     * said something unreadable, so the outbox's own backoff applies.
     */
    static Duration retryAfter(String header, Instant now) {
        if (header == null || header.isBlank()) {
            return Duration.ZERO;
        }
        String value = header.strip();
        try {
            if (value.chars().allMatch(Character::isDigit)) {
                return Duration.ofSeconds(Long.parseLong(value));
            }
            Duration until = Duration.between(now, ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME));
            return until.isNegative() ? Duration.ZERO : until;
        } catch (NumberFormatException | DateTimeParseException e) {
            return Duration.ZERO;
        }
    }

    private static String details(AbstractLineClientException api) {
        if (!(api instanceof MessagingApiClientException m) || m.getDetails() == null || m.getDetails().isEmpty()) {
            return "";
        }
        return m.getDetails().stream().map(LineOutcome::detail).collect(Collectors.joining("; ", " (", ")"));
    }

    private static String detail(ErrorDetail d) {
        return d.property() == null ? String.valueOf(d.message()) : d.property() + ": " + d.message();
    }
}

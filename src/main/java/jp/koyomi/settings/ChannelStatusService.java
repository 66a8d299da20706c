package jp.koyomi.settings;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.agroal.api.AgroalDataSource;
import jp.koyomi.channel.email.SmtpCheck;
import jp.koyomi.channel.line.LineCheck;
import jp.koyomi.delivery.ChannelsConfig;
import jp.koyomi.domain.Channel;

/**
 * Whether each sending channel can send now: its server reachable (SMTP) or its token valid (LINE),
 * and whether the outbox paused it. A channel without a server configured writes to the file outbox.
 */
@ApplicationScoped
public class ChannelStatusService {

    /** What a channel's status page and Home's "needs attention" show. */
    public enum State {
        /** The server answers and the channel is not paused. */
        OK,
        /** The server does not answer, or refuses the token. */
        FAILING,
        /** The outbox stopped sending on this channel for a while (e.g. LINE's monthly quota is used up). */
        PAUSED,
        /** No server configured: messages are written as files. */
        FILE_OUTBOX
    }

    @Schema(name = "ChannelStatus", requiredProperties = { "channel", "state", "target", "checked_at" })
    public record ChannelStatus(Channel channel, State state,
            @Schema(description = "The SMTP server (host:port), the LINE API, or the outbox directory", examples = "smtp.example.jp:587") String target,
            @Schema(description = "What the check found", examples = "EHLO and NOOP answered") String detail,
            @Schema(description = "LINE: whether the token works; null when unknown") Boolean tokenValid,
            @Schema(description = "LINE: messages allowed this month; null without a limit") Long quotaLimit,
            @Schema(description = "LINE: messages sent this month") Long quotaUsed,
            @Schema(description = "When the outbox sends on this channel again, while paused") OffsetDateTime pausedUntil,
            @Schema(description = "Why the outbox paused the channel") String pausedReason, OffsetDateTime checkedAt) {
    }

    /** Channel statuses as one object, so new fields can join without breaking a client. */
    @Schema(name = "ChannelStatuses", requiredProperties = "channels")
    public record ChannelStatuses(List<ChannelStatus> channels) {
    }

    private record Pause(OffsetDateTime until, String reason) {
    }

    @Inject
    SmtpCheck smtp;

    @Inject
    LineCheck line;

    @Inject
    ChannelsConfig channels;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    Clock clock;

    public ChannelStatuses all() {
        Instant now = clock.instant();
        OffsetDateTime at = now.atOffset(ZoneOffset.UTC);
        return new ChannelStatuses(List.of(email(now, at), line(now, at)));
    }

    private ChannelStatus email(Instant now, OffsetDateTime at) {
        Optional<Pause> pause = pause(Channel.EMAIL, now);
        Optional<SmtpCheck.Result> checked = smtp.check();
        if (checked.isEmpty()) {
            return fileOutbox(Channel.EMAIL, "email", pause, at);
        }
        SmtpCheck.Result r = checked.get();
        return new ChannelStatus(Channel.EMAIL, state(r.reachable(), pause), r.server(), r.detail(), null, null, null,
                pause.map(Pause::until).orElse(null), pause.map(Pause::reason).orElse(null), at);
    }

    private ChannelStatus line(Instant now, OffsetDateTime at) {
        Optional<Pause> pause = pause(Channel.LINE, now);
        Optional<LineCheck.Result> checked = line.check();
        if (checked.isEmpty()) {
            return fileOutbox(Channel.LINE, "line", pause, at);
        }
        LineCheck.Result r = checked.get();
        return new ChannelStatus(Channel.LINE, state(Boolean.TRUE.equals(r.tokenValid()), pause), "LINE Messaging API",
                r.detail(), r.tokenValid(), r.quotaLimit(), r.quotaUsed(), pause.map(Pause::until).orElse(null),
                pause.map(Pause::reason).orElse(null), at);
    }

    private ChannelStatus fileOutbox(Channel channel, String directory, Optional<Pause> pause, OffsetDateTime at) {
        String target = Path.of(channels.outboxDirectory(), directory).toAbsolutePath().toString();
        return new ChannelStatus(channel, pause.isPresent() ? State.PAUSED : State.FILE_OUTBOX, target,
                "no server configured: messages are written as files", null, null, null,
                pause.map(Pause::until).orElse(null), pause.map(Pause::reason).orElse(null), at);
    }

    private static State state(boolean working, Optional<Pause> pause) {
        return pause.isPresent() ? State.PAUSED : working ? State.OK : State.FAILING;
    }

    /**
     * A channel is paused while deliveries the outbox put off with "channel paused" (OutboxDrainer,
     * on SendResult.ChannelPaused) still wait: the pause lasts until the last of them is due.
     */
    private Optional<Pause> pause(Channel channel, Instant now) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT next_attempt_at, last_error FROM delivery WHERE status = 'PENDING' AND channel = ? "
                        + "AND next_attempt_at > ? AND last_error LIKE 'channel paused%' "
                        + "ORDER BY next_attempt_at DESC FETCH FIRST 1 ROWS ONLY")) {
            s.setString(1, channel.name());
            s.setObject(2, now.atOffset(ZoneOffset.UTC));
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(new Pause(rs.getObject(1, OffsetDateTime.class), rs.getString(2)))
                        : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the outbox's pauses", e);
        }
    }
}

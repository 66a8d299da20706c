package jp.koyomi.channel.line;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import jp.koyomi.delivery.ChannelsConfig;
import jp.koyomi.delivery.Messenger;

/** Provides the LINE {@link Messenger} from its settings: the Messaging API with a token, JSON files otherwise. */
@ApplicationScoped
public class LineChannel {

    private static final Logger LOG = Logger.getLogger(LineChannel.class);

    @Produces
    @Singleton
    Messenger lineMessenger(LineConfig line, ChannelsConfig channels, Clock clock) {
        if (line.channelAccessToken().isPresent()) {
            return new LineMessenger(new LineSettings(line.apiBaseUrl(), line.channelAccessToken().get(),
                    Duration.ofSeconds(10), Duration.ofSeconds(30), line.maxConnections()),
                    new PushRateLimiter(line.pushesPerSecond(), (int) Math.max(1, line.pushesPerSecond() / 10)), clock);
        }
        Path files = Path.of(channels.outboxDirectory(), "line");
        LOG.infof("No LINE channel token configured: LINE pushes are written as JSON files under %s",
                files.toAbsolutePath());
        return new LineFileMessenger(files);
    }
}

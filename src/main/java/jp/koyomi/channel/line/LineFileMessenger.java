package jp.koyomi.channel.line;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

import jp.koyomi.channel.file.OutboxDirectory;
import jp.koyomi.delivery.Messenger;
import jp.koyomi.delivery.OutboundMessage;
import jp.koyomi.delivery.SendResult;
import jp.koyomi.domain.Channel;

/**
 * Writes each LINE push as {@code <deliveryId>.json}: the request body LINE would receive, after the
 * same limit checks, so a message that would fail on LINE fails here too.
 */
public final class LineFileMessenger implements Messenger {

    private final OutboxDirectory directory;
    private final LinePushRequests requests = new LinePushRequests();

    /** @param directory e.g. {@code ./outbox/line}, created when the first push is written */
    public LineFileMessenger(Path directory) {
        this.directory = new OutboxDirectory(directory);
    }

    @Override
    public Channel channel() {
        return Channel.LINE;
    }

    @Override
    public SendResult send(OutboundMessage message) {
        byte[] body;
        try {
            body = requests.json(requests.of(message)).getBytes(StandardCharsets.UTF_8);
        } catch (LineMessageRejectedException e) {
            return new SendResult.Failed(e.getMessage());
        }
        try {
            Path file = directory.write(message.deliveryId() + ".json", out -> out.write(body));
            return new SendResult.Sent(file.toString());
        } catch (IOException e) {
            return new SendResult.Retry("cannot write to " + directory.path() + ": " + e.getMessage(), Duration.ZERO);
        }
    }
}

package jp.koyomi.delivery;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

import jp.koyomi.domain.Channel;

/** A messenger that records every send and answers as the test scripts it. */
final class ScriptedMessenger implements Messenger {

    private final Channel channel;
    private final Function<OutboundMessage, SendResult> script;
    final List<Long> sent = new CopyOnWriteArrayList<>();

    ScriptedMessenger(Channel channel, Function<OutboundMessage, SendResult> script) {
        this.channel = channel;
        this.script = script;
    }

    static ScriptedMessenger accepting(Channel channel) {
        return new ScriptedMessenger(channel, m -> new SendResult.Sent("provider-" + m.deliveryId()));
    }

    @Override
    public Channel channel() {
        return channel;
    }

    @Override
    public SendResult send(OutboundMessage message) {
        sent.add(message.deliveryId());
        return script.apply(message);
    }

    long times(long deliveryId) {
        return sent.stream().filter(id -> id == deliveryId).count();
    }
}

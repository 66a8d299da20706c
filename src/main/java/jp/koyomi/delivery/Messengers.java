package jp.koyomi.delivery;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import jp.koyomi.domain.Channel;

/**
 * The messengers the channel packages provide, one per channel that sends message by message.
 * A new channel is a new {@link Messenger} producer in its own package; nothing here changes.
 */
@ApplicationScoped
public class Messengers {

    private final List<Messenger> all;

    @Inject
    public Messengers(Instance<Messenger> provided) {
        this.all = provided.stream().toList();
        if (all.stream().map(Messenger::channel).distinct().count() != all.size()) {
            throw new IllegalStateException("two messengers for one channel: " + all);
        }
    }

    public List<Messenger> all() {
        return all;
    }

    public Messenger of(Channel channel) {
        return all.stream().filter(m -> m.channel() == channel).findFirst()
                .orElseThrow(() -> new IllegalStateException("no messenger for " + channel));
    }
}

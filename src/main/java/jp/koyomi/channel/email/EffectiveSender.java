package jp.koyomi.channel.email;

import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import jp.koyomi.settings.EffectiveSettings;
import jp.koyomi.settings.SettingsService;

/**
 * The sender in force, as the admin's settings (or the environment) say now: the one seam through
 * which email reads its sender and legal footer. The same {@link SenderSettings} instance comes back
 * while the settings do not change, so the message builder rebuilds its footer only after a change.
 */
@ApplicationScoped
public class EffectiveSender implements Supplier<SenderSettings> {

    private record Made(EffectiveSettings from, SenderSettings sender) {
    }

    @Inject
    SettingsService settings;

    @Inject
    EmailConfig email;

    private volatile Made made;

    /**
     * @throws IllegalArgumentException when the settings in force cannot make a sender (they are checked when saved)
     */
    @Override
    public SenderSettings get() {
        EffectiveSettings now = settings.current();
        Made last = made;
        if (last == null || last.from() != now) {
            last = new Made(now, new SenderSettings(now.fromAddress(), now.fromName(), now.legalName(), now.postalAddress(),
                    now.contact(), email.unsubscribeMailto().orElse(null), now.replyTo()));
            made = last;
        }
        return last.sender();
    }
}

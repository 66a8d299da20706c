package jp.koyomi.run;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import jp.koyomi.delivery.SendWindow;

/** Hands the run's quiet hours to the outbox, which enforces them on every send attempt. */
@ApplicationScoped
class SendWindowProducer {

    @Produces
    @Singleton
    SendWindow sendWindow(RunConfig config) {
        if (config.quietHours().disabled().orElse(false)) {
            return now -> now;
        }
        QuietHours quiet = new QuietHours(config.quietHours().opens(), config.quietHours().closes(),
                config.quietHours().zone());
        return quiet::firstSendAt;
    }
}

package jp.koyomi.run;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import jp.koyomi.delivery.SendWindow;
import jp.koyomi.settings.SettingsService;

/**
 * Hands the quiet hours in force to the outbox, which enforces them on every send attempt; read
 * at every check, so an admin's change applies to deliveries already waiting.
 */
@ApplicationScoped
class SendWindowProducer {

    @Produces
    @Singleton
    SendWindow sendWindow(SettingsService settings) {
        return now -> QuietHours.firstSendAt(settings.current(), now);
    }
}

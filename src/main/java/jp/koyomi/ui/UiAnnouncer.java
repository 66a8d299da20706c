package jp.koyomi.ui;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;

/** Says where the marketer UI is once Koyomi has started, so a newcomer knows where to go. */
@ApplicationScoped
public class UiAnnouncer {

    private static final Logger LOG = Logger.getLogger(UiAnnouncer.class);

    @ConfigProperty(name = "quarkus.http.port", defaultValue = "8080")
    int port;

    void announce(@Observes StartupEvent event) {
        if (LaunchMode.current() == LaunchMode.TEST) {
            return; // tests bind a random port that this setting does not show
        }
        LOG.infof("Koyomi UI: http://localhost:%d/  (API explorer: http://localhost:%d/q/swagger-ui)", port, port);
    }
}

package jp.koyomi.user;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import io.quarkus.runtime.StartupEvent;

@ApplicationScoped
class AdminBootstrap {

    @Inject
    UserService users;

    @Inject
    BootstrapConfig config;

    void onStart(@Observes StartupEvent event) {
        users.bootstrapAdmin(config);
    }
}

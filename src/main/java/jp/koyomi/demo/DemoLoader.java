package jp.koyomi.demo;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import io.quarkus.runtime.StartupEvent;
import jp.koyomi.customer.CustomerRepository;

/** At start, with {@code koyomi.demo.enabled}, fills an empty database with the demo brand. */
@ApplicationScoped
class DemoLoader {

    @Inject
    DemoConfig config;

    @Inject
    DemoService demo;

    @Inject
    CustomerRepository customers;

    void onStart(@Observes StartupEvent event) {
        if (config.enabled() && customers.count() == 0) {
            demo.loadBrand(config.customers());
        }
    }
}

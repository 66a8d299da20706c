package jp.koyomi.demo;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;

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

    @Inject
    DemoCampaigns campaigns;

    /** After the shipped templates are loaded (default observer priority), since the campaigns use them. */
    void onStart(@Observes @Priority(Interceptor.Priority.APPLICATION + 600) StartupEvent event) {
        if (config.enabled() && customers.count() == 0) {
            demo.loadBrand(config.customers());
            campaigns.create();
        }
    }
}

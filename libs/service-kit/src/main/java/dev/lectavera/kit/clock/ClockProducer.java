package dev.lectavera.kit.clock;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import java.time.Clock;

/**
 * The one clock of a service ("now", "today", token lifetimes), so that logic never calls now() itself. Normal-scoped
 * so that a test moves time for one test method ({@code QuarkusMock.installMockForType(clock, Clock.class)}) instead
 * of sleeping; a default bean, so that a service or a test profile declaring its own Clock replaces it.
 */
public class ClockProducer {

    @Produces
    @ApplicationScoped
    @DefaultBean
    Clock clock() {
        return Clock.systemUTC();
    }
}

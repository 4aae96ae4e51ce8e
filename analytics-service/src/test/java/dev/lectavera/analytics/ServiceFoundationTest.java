package dev.lectavera.analytics;

import dev.lectavera.testsupport.ops.ServiceFoundationChecks;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;

/** The service's operational surface, against the real PostgreSQL, Redis and Kafka of dev/stack. */
@QuarkusTest
class ServiceFoundationTest extends ServiceFoundationChecks {

    ServiceFoundationTest(AgroalDataSource dataSource) {
        super(dataSource, "lv_analytics_test");
    }
}

package dev.lectavera.analytics.rest;

import dev.lectavera.testsupport.jwt.JwtKeysResource;
import dev.lectavera.testsupport.revocation.TokenRevocationChecks;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** Revoked tokens and tokens for another audience do not authenticate here either (401 problem+json). */
@QuarkusTest
@WithTestResource(value = JwtKeysResource.class, scope = TestResourceScope.GLOBAL)
class TokenRevocationTest extends TokenRevocationChecks {

    TokenRevocationTest(RedisDataSource redis) {
        super(redis, "/api/v1/analytics/overview");
    }
}

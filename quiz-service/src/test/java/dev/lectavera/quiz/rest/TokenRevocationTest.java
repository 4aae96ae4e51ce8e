package dev.lectavera.quiz.rest;

import dev.lectavera.testsupport.revocation.TokenRevocationChecks;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.junit.QuarkusTest;

/** Revoked tokens and tokens for another audience do not authenticate here either (401 problem+json). */
@QuarkusTest
class TokenRevocationTest extends TokenRevocationChecks {

    TokenRevocationTest(RedisDataSource redis) {
        super(redis, "/api/v1/quiz");
    }
}

package dev.lectavera.gateway;

import java.util.concurrent.ThreadLocalRandom;

/** Small helpers shared by the tests (stateless). */
final class TestClients {

    /** The gateway trusts X-Forwarded-For from loopback: each test poses as its own client address. */
    static final String FORWARDED_FOR = "X-Forwarded-For";

    private TestClients() {
    }

    static String randomIp() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "10." + random.nextInt(256) + "." + random.nextInt(256) + "." + (1 + random.nextInt(254));
    }
}

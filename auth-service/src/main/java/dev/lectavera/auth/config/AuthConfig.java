package dev.lectavera.auth.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;

/** Everything auth-service can be told, under {@code lectavera.auth.*}. */
@ConfigMapping(prefix = "lectavera.auth")
public interface AuthConfig {

    /** Base URL of the frontend; links in emails point there (e.g. {@code <url>/reset-password?token=...}). */
    @WithDefault("http://localhost:8080")
    String publicUrl();

    Jwt jwt();

    Tokens tokens();

    Password password();

    Outbox outbox();

    Cleanup cleanup();

    interface Jwt {
        /**
         * PEM file (PKCS#8 {@code BEGIN PRIVATE KEY}; a PKCS#1 key is refused with the openssl command that
         * converts it) with the RSA signing key. Absent: a 2048-bit key pair is generated at start-up and tokens die with the process.
         */
        Optional<String> privateKeyLocation();

        @WithDefault("PT15M")
        Duration accessTokenLifetime();
    }

    interface Tokens {
        @WithDefault("P7D")
        Duration refreshTokenLifetime();

        @WithDefault("PT1H")
        Duration passwordResetLifetime();

        @WithDefault("P2D")
        Duration emailVerificationLifetime();
    }

    interface Password {
        /** Minimum length in Unicode code points. */
        @WithDefault("10")
        int minLength();

        @WithDefault("128")
        int maxLength();

        Argon2 argon2();

        /** Argon2id cost; the defaults are OWASP's minimum (19 MiB, 2 passes, 1 lane). */
        interface Argon2 {
            @WithDefault("19456")
            int memoryKib();

            @WithDefault("2")
            int iterations();

            @WithDefault("1")
            int parallelism();
        }
    }

    interface Outbox {
        /** Kafka bootstrap servers of the relay's producer (defaults to {@code kafka.bootstrap.servers}). */
        String bootstrapServers();

        /** How many unpublished events one relay pass sends. */
        @WithDefault("100")
        int batchSize();

        /** Safety-net tick of the relay (it also runs right after each commit that wrote an event). */
        @WithDefault("5s")
        Duration pollInterval();
    }

    interface Cleanup {
        /** How often expired tokens and old published outbox rows are deleted. */
        @WithDefault("1h")
        Duration interval();

        /** Published outbox rows older than this are deleted by the clean-up job. */
        @WithDefault("P7D")
        Duration publishedOutboxRetention();
    }
}

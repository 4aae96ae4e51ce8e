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

    Lockout lockout();

    Cleanup cleanup();

    interface Jwt {
        /**
         * PEM file (PKCS#8 {@code BEGIN PRIVATE KEY}; a PKCS#1 key is refused with the openssl command that
         * converts it) with the RSA signing key. Absent: a 2048-bit key pair is generated at start-up and tokens die with the process.
         */
        Optional<String> privateKeyLocation();

        @WithDefault("PT15M")
        Duration accessTokenLifetime();

        /** The {@code aud} of every access token; the gateway and every service accept only this audience. */
        @WithDefault("lectavera-api")
        String audience();
    }

    interface Tokens {
        @WithDefault("P7D")
        Duration refreshTokenLifetime();

        /**
         * Absolute lifetime of a login session (refresh-token family) from its login: rotation never extends a
         * family past it, so a stolen refresh token that is kept rotating dies at the latest then.
         */
        @WithDefault("P30D")
        Duration refreshFamilyLifetime();

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

    /**
     * Per-account lock after repeated wrong passwords, whatever the client address (login, change password,
     * delete account share one counter per normalised email, existing account or not).
     */
    interface Lockout {
        /** Wrong passwords within {@link #window()} that lock the account. */
        @WithDefault("10")
        int maxFailures();

        /** The window the failures are counted in; it starts at the first failure. */
        @WithDefault("PT15M")
        Duration window();

        /** The first lock's length; each further lock in a row doubles it, up to {@link #maxDelay()}. */
        @WithDefault("PT1M")
        Duration initialDelay();

        @WithDefault("PT15M")
        Duration maxDelay();
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

package dev.lectavera.auth.security;

import dev.lectavera.auth.support.TestConfig;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PasswordHasherTest {

    private final PasswordHasher hasher = new PasswordHasher(TestConfig.authConfig());

    @Test
    void hashesAreSaltedArgon2idWithTheConfiguredCost() {
        String first = hasher.hash("correct horse battery staple 42");
        String second = hasher.hash("correct horse battery staple 42");
        assertThat(first, startsWith("$argon2id$v=19$m=19456,t=2,p=1$"));
        assertNotEquals(first, second, "random salt");
        assertThat(first, org.hamcrest.Matchers.not(containsString("correct horse")));
    }

    @Test
    void matchesOnlyTheRightPassword() {
        String hash = hasher.hash("correct horse battery staple 42");
        assertTrue(hasher.matches("correct horse battery staple 42", hash));
        assertFalse(hasher.matches("correct horse battery staple 43", hash));
        assertFalse(hasher.matches("", hash));
    }

    @Test
    void longPassphrasesCountInFull() {
        // bcrypt would ignore everything after byte 72; Argon2id does not
        String base = "p".repeat(100);
        String hash = hasher.hash(base + "A");
        assertFalse(hasher.matches(base + "B", hash));
    }

    @Test
    void malformedStoredHashNeverMatches() {
        assertFalse(hasher.matches("anything", "not-a-hash"));
        assertFalse(hasher.matches("anything", "$2a$10$abcdefghijklmnopqrstuv"));
    }

    @Test
    void hashesMadeWithOtherParametersNeedRehash() {
        PasswordHasher cheaper = new PasswordHasher(TestConfig.authConfig(Map.of(
                "lectavera.auth.password.argon2.memory-kib", "4096",
                "lectavera.auth.password.argon2.iterations", "1")));
        String old = cheaper.hash("correct horse battery staple 42");
        assertTrue(hasher.matches("correct horse battery staple 42", old), "old hashes keep working");
        assertTrue(hasher.needsRehash(old));
        assertFalse(hasher.needsRehash(hasher.hash("correct horse battery staple 42")));
    }
}

package dev.lectavera.auth.security;

import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;
import dev.lectavera.auth.config.AuthConfig;
import jakarta.inject.Singleton;

import java.util.UUID;

/**
 * Argon2id (password4j) in PHC string form ({@code $argon2id$v=19$m=..,t=..,p=..$salt$hash}), so each stored hash
 * carries its own parameters and stronger settings apply to new hashes without breaking old ones.
 * <p>
 * Why Argon2id over bcrypt: it is OWASP's first choice, memory-hard (GPU cracking costs memory, not only time), and
 * has no 72-byte input limit (bcrypt silently ignores the rest of a long passphrase; we allow 128 characters).
 */
@Singleton
public class PasswordHasher {

    private static final int HASH_BYTES = 32;
    private static final int SALT_BYTES = 16;

    private final Argon2Function argon2;
    /** Hash of a random secret: verifying against it costs what a real verification costs. */
    private final String decoyHash;

    PasswordHasher(AuthConfig config) {
        AuthConfig.Password.Argon2 cost = config.password().argon2();
        this.argon2 = Argon2Function.getInstance(cost.memoryKib(), cost.iterations(), cost.parallelism(),
                HASH_BYTES, Argon2.ID, Argon2Function.ARGON2_VERSION_13);
        this.decoyHash = hash(UUID.randomUUID().toString());
    }

    public String hash(String password) {
        return Password.hash(password).addRandomSalt(SALT_BYTES).with(argon2).getResult();
    }

    /** Constant-time comparison inside password4j; a malformed stored hash never matches. */
    public boolean matches(String password, String storedHash) {
        try {
            return Argon2Function.getInstanceFromHash(storedHash).check(password, storedHash);
        } catch (RuntimeException malformed) {
            return false;
        }
    }

    /** Spends the time of one verification, for requests about unknown accounts (no enumeration by timing). */
    public void verifyAgainstDecoy(String password) {
        matches(password, decoyHash);
    }

    /** Whether a stored hash was made with other parameters than today's (then it is re-hashed at login). */
    public boolean needsRehash(String storedHash) {
        try {
            return !Argon2Function.getInstanceFromHash(storedHash).equals(argon2);
        } catch (RuntimeException malformed) {
            return true;
        }
    }
}

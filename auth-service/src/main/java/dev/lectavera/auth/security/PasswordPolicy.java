package dev.lectavera.auth.security;

import dev.lectavera.auth.config.AuthConfig;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What a new password must satisfy: a length between the configured bounds (in code points) and not being one of
 * the most common passwords ({@code common-passwords.txt}, compared case-insensitively).
 * <p>
 * Normal-scoped on purpose: Hibernate Validator builds its validators at static init, before runtime config
 * exists; the client proxy defers reading the configuration to the first validation.
 */
@ApplicationScoped
public class PasswordPolicy {

    static final String COMMON_PASSWORDS_RESOURCE = "common-passwords.txt";

    private final int minLength;
    private final int maxLength;
    private final Set<String> commonPasswords;

    PasswordPolicy(AuthConfig config) {
        this.minLength = config.password().minLength();
        this.maxLength = config.password().maxLength();
        if (minLength < 1 || maxLength < minLength) {
            throw new IllegalStateException("lectavera.auth.password: need 1 <= min-length <= max-length");
        }
        this.commonPasswords = loadCommonPasswords();
    }

    /** @return why the password is not acceptable, or empty when it is */
    public Optional<String> problemWith(String password) {
        int length = password.codePointCount(0, password.length());
        if (length < minLength) {
            return Optional.of("must be at least " + minLength + " characters long");
        }
        if (length > maxLength) {
            return Optional.of("must be at most " + maxLength + " characters long");
        }
        if (isCommon(password)) {
            return Optional.of("is one of the most common passwords; choose a less guessable one");
        }
        return Optional.empty();
    }

    public boolean isCommon(String password) {
        return commonPasswords.contains(password.toLowerCase(Locale.ROOT));
    }

    int commonPasswordCount() {
        return commonPasswords.size();
    }

    private static Set<String> loadCommonPasswords() {
        Set<String> passwords = new HashSet<>();
        try (InputStream in = PasswordPolicy.class.getClassLoader().getResourceAsStream(COMMON_PASSWORDS_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(COMMON_PASSWORDS_RESOURCE + " is missing from the classpath");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null) {
                String candidate = line.strip();
                if (!candidate.isEmpty() && !candidate.startsWith("#")) {
                    passwords.add(candidate.toLowerCase(Locale.ROOT));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Set.copyOf(passwords);
    }
}

package dev.lectavera.testsupport.jwt;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Fresh {@link JwtTestKeys} for an application under test: it verifies with the public key (as it would with
 * auth-service's JWKS), the tests sign with the private one through smallrye-jwt-build ({@link AccessTokens}).
 */
public class JwtKeysResource implements QuarkusTestResourceLifecycleManager {

    private Path directory;

    @Override
    public Map<String, String> start() {
        try {
            directory = Files.createTempDirectory("lv-test-jwt");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        JwtTestKeys keys = JwtTestKeys.generate(directory);
        return Map.of(
                "mp.jwt.verify.publickey.location", keys.publicKeyLocation(),
                "smallrye.jwt.sign.key.location", keys.privateKeyLocation());
    }

    @Override
    public void stop() {
        if (directory != null) {
            JwtTestKeys.delete(directory);
            try {
                Files.deleteIfExists(directory);
            } catch (IOException ignored) {
                // a temporary directory: the OS cleans up
            }
        }
    }
}

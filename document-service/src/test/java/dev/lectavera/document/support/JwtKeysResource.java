package dev.lectavera.document.support;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Map;

/**
 * A fresh RSA key pair per test run, written to temporary PEM files: the service verifies tokens with the public
 * key ({@code mp.jwt.verify.publickey.location}), tests sign with the private one through smallrye-jwt-build
 * ({@code smallrye.jwt.sign.key.location}). No key is ever committed.
 */
public class JwtKeysResource implements QuarkusTestResourceLifecycleManager {

    private Path directory;

    @Override
    public Map<String, String> start() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair keys = generator.generateKeyPair();
            directory = Files.createTempDirectory("lv-document-jwt");
            Path publicKey = directory.resolve("public.pem");
            Path privateKey = directory.resolve("private.pem");
            Files.writeString(publicKey, pem("PUBLIC KEY", keys.getPublic().getEncoded()));
            Files.writeString(privateKey, pem("PRIVATE KEY", keys.getPrivate().getEncoded()));
            return Map.of(
                    "mp.jwt.verify.publickey.location", publicKey.toUri().toString(),
                    "smallrye.jwt.sign.key.location", privateKey.toUri().toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    @Override
    public void stop() {
        if (directory != null) {
            try (var files = Files.list(directory)) {
                for (Path file : files.toList()) {
                    Files.deleteIfExists(file);
                }
                Files.deleteIfExists(directory);
            } catch (IOException ignored) {
                // temp dir: the OS cleans up
            }
        }
    }
}

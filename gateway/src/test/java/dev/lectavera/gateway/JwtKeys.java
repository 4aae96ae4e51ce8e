package dev.lectavera.gateway;

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
 * The auth-service's signing key, as far as the gateway can tell: an RSA key pair generated at test
 * start; the public half goes to the gateway as a PEM file ({@code mp.jwt.verify.publickey.location}),
 * the private half to the tests as a {@link Tokens} field. Nothing is committed, nothing outlives the run.
 */
public class JwtKeys implements QuarkusTestResourceLifecycleManager {

    private KeyPair keys;
    private Path publicKeyFile;

    @Override
    public Map<String, String> start() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            keys = generator.generateKeyPair();
            publicKeyFile = Files.createTempFile("lv-gateway-test-jwt", ".pem");
            String pem = "-----BEGIN PUBLIC KEY-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(keys.getPublic().getEncoded())
                    + "\n-----END PUBLIC KEY-----\n";
            Files.writeString(publicKeyFile, pem);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.of("mp.jwt.verify.publickey.location", publicKeyFile.toString());
    }

    @Override
    public void inject(TestInjector testInjector) {
        testInjector.injectIntoFields(new Tokens(keys), new TestInjector.MatchesType(Tokens.class));
    }

    @Override
    public void stop() {
        try {
            if (publicKeyFile != null) {
                Files.deleteIfExists(publicKeyFile);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

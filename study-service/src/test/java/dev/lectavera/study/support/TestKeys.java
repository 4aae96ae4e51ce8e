package dev.lectavera.study.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;

/**
 * An RSA key pair made for this test run: the public key as a PEM file (both services verify tokens with it),
 * the private key in memory (tests sign tokens like auth-service does). No key is ever written to the repository.
 */
public final class TestKeys {

    private static final String PUBLIC_PEM = "jwt-public.pem";
    private static final String PRIVATE_DER = "jwt-private.der";

    private final PrivateKey privateKey;
    private final Path publicKeyPem;

    private TestKeys(PrivateKey privateKey, Path publicKeyPem) {
        this.privateKey = privateKey;
        this.publicKeyPem = publicKeyPem;
    }

    /** A new key pair, both halves written to {@code directory} (a temporary directory of this test run). */
    public static TestKeys generate(Path directory) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair keys = generator.generateKeyPair();
            Path pem = directory.resolve(PUBLIC_PEM);
            Files.writeString(pem, "-----BEGIN PUBLIC KEY-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(keys.getPublic().getEncoded())
                    + "\n-----END PUBLIC KEY-----\n");
            Files.write(directory.resolve(PRIVATE_DER), keys.getPrivate().getEncoded());
            return new TestKeys(keys.getPrivate(), pem);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The key pair {@link #generate} wrote to {@code directory}. */
    public static TestKeys load(Path directory) {
        try {
            byte[] der = Files.readAllBytes(directory.resolve(PRIVATE_DER));
            PrivateKey key = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
            return new TestKeys(key, directory.resolve(PUBLIC_PEM));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException | InvalidKeySpecException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Removes the key files (end of the test run). */
    public static void delete(Path directory) {
        try {
            Files.deleteIfExists(directory.resolve(PRIVATE_DER));
            Files.deleteIfExists(directory.resolve(PUBLIC_PEM));
        } catch (IOException ignored) {
            // a temporary directory: the OS cleans up
        }
    }

    public PrivateKey privateKey() {
        return privateKey;
    }

    /** For mp.jwt.verify.publickey.location. */
    public String publicKeyLocation() {
        return publicKeyPem.toUri().toString();
    }
}

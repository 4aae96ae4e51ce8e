package dev.lectavera.testsupport.jwt;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;

/**
 * An RSA key pair made for one test run and written as PEM files to a temporary directory: services verify tokens
 * with the public half ({@code mp.jwt.verify.publickey.location}), tests sign with the private half
 * ({@code smallrye.jwt.sign.key.location}, or {@link #privateKey()}). No key is ever committed.
 */
public final class JwtTestKeys {

    private static final String PUBLIC_PEM = "jwt-public.pem";
    private static final String PRIVATE_PEM = "jwt-private.pem";

    private final PrivateKey privateKey;
    private final Path directory;

    private JwtTestKeys(PrivateKey privateKey, Path directory) {
        this.privateKey = privateKey;
        this.directory = directory;
    }

    /** A new key pair, both halves written to {@code directory}. */
    public static JwtTestKeys generate(Path directory) {
        try {
            KeyPair keys = newKeyPair();
            Files.writeString(directory.resolve(PUBLIC_PEM), pem("PUBLIC KEY", keys.getPublic().getEncoded()));
            Files.writeString(directory.resolve(PRIVATE_PEM), pem("PRIVATE KEY", keys.getPrivate().getEncoded()));
            return new JwtTestKeys(keys.getPrivate(), directory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The key pair {@link #generate} wrote to {@code directory} (e.g. by another class loader of this JVM). */
    public static JwtTestKeys load(Path directory) {
        try {
            String pem = Files.readString(directory.resolve(PRIVATE_PEM));
            byte[] der = Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", ""));
            PrivateKey key = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
            return new JwtTestKeys(key, directory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Removes the key files (end of the test run). */
    public static void delete(Path directory) {
        try {
            Files.deleteIfExists(directory.resolve(PRIVATE_PEM));
            Files.deleteIfExists(directory.resolve(PUBLIC_PEM));
        } catch (IOException ignored) {
            // a temporary directory: the OS cleans up
        }
    }

    /** A private key nobody trusts: a token signed with it is forged. */
    public static PrivateKey untrustedKey() {
        return newKeyPair().getPrivate();
    }

    public PrivateKey privateKey() {
        return privateKey;
    }

    /** For {@code mp.jwt.verify.publickey.location}. */
    public String publicKeyLocation() {
        return directory.resolve(PUBLIC_PEM).toUri().toString();
    }

    /** For {@code smallrye.jwt.sign.key.location}. */
    public String privateKeyLocation() {
        return directory.resolve(PRIVATE_PEM).toUri().toString();
    }

    private static KeyPair newKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }
}

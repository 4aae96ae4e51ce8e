package dev.lectavera.auth.security;

import dev.lectavera.auth.support.TestConfig;
import org.jose4j.jwk.RsaJsonWebKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;
import java.util.Map;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SigningKeysTest {

    @Test
    void keyIdIsTheRfc7638Thumbprint() throws Exception {
        SigningKeys keys = new SigningKeys(TestConfig.authConfig());
        // jose4j's implementation as an independent oracle
        String expected = new RsaJsonWebKey(keys.publicKey()).calculateBase64urlEncodedThumbprint("SHA-256");
        assertEquals(expected, keys.keyId());
        assertEquals(expected, keys.publicJwk().get("kid"));
    }

    @Test
    void generatedKeysDifferPerStart() {
        assertNotEquals(new SigningKeys(TestConfig.authConfig()).keyId(),
                new SigningKeys(TestConfig.authConfig()).keyId());
    }

    @Test
    void configuredPkcs8PemIsUsedAndGivesAStableKid(@TempDir Path dir) throws Exception {
        KeyPair pair = rsa(2048);
        Path pem = dir.resolve("signing.pem");
        Files.writeString(pem, "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(pair.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n");
        Map<String, String> config = Map.of("lectavera.auth.jwt.private-key-location", pem.toString());

        SigningKeys first = new SigningKeys(TestConfig.authConfig(config));
        SigningKeys second = new SigningKeys(TestConfig.authConfig(config));

        assertEquals(pair.getPublic(), first.publicKey());
        assertEquals(first.keyId(), second.keyId(), "every instance with the same key announces the same kid");
    }

    @Test
    void pkcs1PemIsRefusedWithAHint(@TempDir Path dir) throws Exception {
        Path pem = dir.resolve("rsa.pem");
        Files.writeString(pem, "-----BEGIN RSA PRIVATE KEY-----\nMIIB\n-----END RSA PRIVATE KEY-----\n");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> new SigningKeys(
                TestConfig.authConfig(Map.of("lectavera.auth.jwt.private-key-location", pem.toString()))));
        assertThat(e.getMessage(), containsString("openssl pkcs8"));
    }

    @Test
    void shortKeysAreRefused(@TempDir Path dir) throws Exception {
        KeyPair pair = rsa(1024);
        Path pem = dir.resolve("weak.pem");
        Files.writeString(pem, "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded()) + "\n-----END PRIVATE KEY-----\n");
        assertThrows(IllegalStateException.class, () -> new SigningKeys(
                TestConfig.authConfig(Map.of("lectavera.auth.jwt.private-key-location", pem.toString()))));
    }

    @Test
    void jwkParametersAreUnsignedBase64Url() {
        SigningKeys keys = new SigningKeys(TestConfig.authConfig());
        RSAPublicKey key = keys.publicKey();
        String n = (String) keys.publicJwk().get("n");
        assertFalse(n.startsWith("AA"), "no sign byte");
        assertEquals(key.getModulus(), new BigInteger(1, Base64.getUrlDecoder().decode(n)));
        assertEquals("AQAB", keys.publicJwk().get("e"));
    }

    private static KeyPair rsa(int bits) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(bits);
        return generator.generateKeyPair();
    }
}

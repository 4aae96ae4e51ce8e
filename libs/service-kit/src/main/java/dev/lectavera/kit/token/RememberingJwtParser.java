package dev.lectavera.kit.token;

import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import org.eclipse.microprofile.jwt.JsonWebToken;

import javax.crypto.SecretKey;
import java.security.PrivateKey;
import java.security.PublicKey;

/**
 * The service's {@link JWTParser}: smallrye-jwt's own parser (the CDI bean, configured by {@code mp.jwt.verify.*} or
 * a service's {@code JWTAuthContextInfo}), remembering the tokens it verified ({@link VerifiedTokens}). Selected as an
 * alternative, so Quarkus' {@code MpJwtValidator} (bearer tokens on every endpoint) and every other user of the
 * parser (study-service's socket handshake) keep building identities, roles and groups exactly as before; only the
 * signature check of a token seen before is skipped. (A CDI decorator of the parser was tried first: Quarkus' test
 * class loading cannot subclass smallrye's bean.) The methods with explicit keys pass through untouched.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class RememberingJwtParser implements JWTParser {

    private final DefaultJWTParser verifier;
    private final VerifiedTokens verifiedTokens;

    RememberingJwtParser(DefaultJWTParser verifier, VerifiedTokens verifiedTokens) {
        this.verifier = verifier;
        this.verifiedTokens = verifiedTokens;
    }

    @Override
    public JsonWebToken parse(String token) throws ParseException {
        return verifiedTokens.verified(token, verifier::parse);
    }

    @Override
    public JsonWebToken parse(String token, JWTAuthContextInfo context) throws ParseException {
        return verifier.parse(token, context);
    }

    @Override
    public JsonWebToken verify(String token, PublicKey key) throws ParseException {
        return verifier.verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, SecretKey key) throws ParseException {
        return verifier.verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, String secret) throws ParseException {
        return verifier.verify(token, secret);
    }

    @Override
    public JsonWebToken decrypt(String token, PrivateKey key) throws ParseException {
        return verifier.decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, SecretKey key) throws ParseException {
        return verifier.decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, String secret) throws ParseException {
        return verifier.decrypt(token, secret);
    }

    @Override
    public JsonWebToken parseOnly(String token) throws ParseException {
        return verifier.parseOnly(token);
    }
}

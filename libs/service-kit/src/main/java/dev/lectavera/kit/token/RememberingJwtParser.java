package dev.lectavera.kit.token;

import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.annotation.Priority;
import jakarta.decorator.Decorator;
import jakarta.decorator.Delegate;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * smallrye-jwt's parser, remembering what it verified ({@link VerifiedTokens}). A decorator rather than an identity
 * provider of our own: Quarkus' {@code MpJwtValidator} (bearer tokens on every endpoint) and any other user of
 * {@link JWTParser} (study-service's socket handshake) keep building identities, roles and groups exactly as before;
 * only the signature check of a token seen before is skipped. The other methods of the parser (explicit keys) pass
 * through untouched.
 */
@Decorator
@Priority(10)
public abstract class RememberingJwtParser implements JWTParser {

    // Field injection: the @Delegate injection point is the form every CDI container supports for decorators.
    @Inject
    @Delegate
    JWTParser delegate;

    @Inject
    VerifiedTokens verifiedTokens;

    @Override
    public JsonWebToken parse(String token) throws ParseException {
        return verifiedTokens.verified(token, delegate::parse);
    }
}

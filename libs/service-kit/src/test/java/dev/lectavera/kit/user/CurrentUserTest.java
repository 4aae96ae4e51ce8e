package dev.lectavera.kit.user;

import io.quarkiverse.resteasy.problem.HttpProblem;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class CurrentUserTest {

    /** A verified token reduced to its claims. */
    private static JsonWebToken token(Map<String, Object> claims) {
        return new JsonWebToken() {
            @Override
            public String getName() {
                return (String) claims.get("sub");
            }

            @Override
            public Set<String> getClaimNames() {
                return claims.keySet();
            }

            @Override
            @SuppressWarnings("unchecked")
            public <T> T getClaim(String claimName) {
                return (T) claims.get(claimName);
            }
        };
    }

    @Test
    void theUserIsTheTokensSubject() {
        UUID id = UUID.randomUUID();
        CurrentUser user = new CurrentUser(token(Map.of("sub", id.toString(), "raw_token", "abc.def.ghi")));

        assertEquals(id, user.id());
        assertEquals("abc.def.ghi", user.accessToken());
        assertEquals("Bearer abc.def.ghi", user.authorization());
    }

    @Test
    void aSubjectThatIsNotAUserIdIsUnauthorized() {
        for (CurrentUser user : new CurrentUser[] {new CurrentUser(token(Map.of("sub", "admin"))),
                new CurrentUser(token(Map.of()))}) {
            HttpProblem problem = assertThrows(HttpProblem.class, user::id);
            assertEquals(401, problem.getStatusCode());
            assertEquals("urn:lectavera:problem:invalid-token", problem.getType().toString());
            assertEquals("Bearer error=\"invalid_token\"",
                    problem.getHeaders().get("WWW-Authenticate").toString());
        }
    }
}

package dev.lectavera.auth.security;

import dev.lectavera.auth.support.TestConfig;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Optional;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class PasswordPolicyTest {

    private final PasswordPolicy policy = new PasswordPolicy(TestConfig.authConfig());

    @Test
    void shipsAtLeastAThousandCommonPasswords() {
        assertThat(policy.commonPasswordCount(), greaterThanOrEqualTo(1000));
    }

    @Test
    void commonPasswordsAreRefusedIgnoringCase() {
        for (String common : new String[]{"password123", "1234567890", "qwertyuiop", "QwErTyUiOp", "iloveyou123",
                "1q2w3e4r5t", "password2024", "0000000000"}) {
            assertThat(common, policy.problemWith(common).orElseThrow(), containsString("common"));
        }
    }

    @Test
    void lengthIsCountedInCodePoints() {
        assertThat(policy.problemWith("short").orElseThrow(), containsString("at least 10"));
        assertEquals(Optional.empty(), policy.problemWith("😀😀😀😀😀🎉🎉🎉🎉🎉"), "10 emoji are 10 characters");
        assertThat(policy.problemWith("x".repeat(129)).orElseThrow(), containsString("at most 128"));
        assertEquals(Optional.empty(), policy.problemWith("x".repeat(127) + "y"));
    }

    @Test
    void aLongUncommonPassphraseIsAccepted() {
        assertEquals(Optional.empty(), policy.problemWith("correct horse battery staple 42"));
    }

    @Test
    void boundsAreConfigurable() {
        PasswordPolicy strict = new PasswordPolicy(TestConfig.authConfig(Map.of(
                "lectavera.auth.password.min-length", "16", "lectavera.auth.password.max-length", "20")));
        assertThat(strict.problemWith("fifteen chars!!").orElseThrow(), containsString("at least 16"));
        assertThat(strict.problemWith("twenty-one characters").orElseThrow(), containsString("at most 20"));
        assertEquals(Optional.empty(), strict.problemWith("sixteen chars ok"));
    }

    @Test
    void impossibleBoundsFailAtStartUp() {
        assertThrows(IllegalStateException.class, () -> new PasswordPolicy(TestConfig.authConfig(Map.of(
                "lectavera.auth.password.min-length", "30", "lectavera.auth.password.max-length", "20"))));
    }
}

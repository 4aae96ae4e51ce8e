package dev.lectavera.auth.rest;

import dev.lectavera.auth.security.AcceptablePassword;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Request bodies. Unknown fields are refused (400) by {@code quarkus.jackson.fail-on-unknown-properties}.
 * Records holding a secret override toString so that it can never reach a log.
 */
public final class Requests {

    /** Something@domain.tld; Hibernate's @Email alone also accepts dot-less domains like "a@b". */
    static final String EMAIL_SHAPE = "[^@\\s]+@[^@\\s]+\\.[^@\\s]+";
    /** Names go into mail text: no control characters (line breaks, escapes). */
    static final String NO_CONTROL_CHARACTERS = "[^\\p{Cntrl}]*";
    static final int EMAIL_MAX = 254;
    static final int FULL_NAME_MAX = 200;
    /** Opaque tokens are 43 characters; anything much longer is not one of ours. */
    static final int TOKEN_MAX = 256;
    /** Only bounds the work of a login attempt; the policy's maximum applies to new passwords. */
    static final int PRESENTED_PASSWORD_MAX = 1024;
    private static final String HIDDEN = "***";

    private Requests() {
    }

    public record Register(
            @NotBlank @Size(max = EMAIL_MAX) @Email(regexp = EMAIL_SHAPE) String email,
            @NotNull @AcceptablePassword String password,
            @NotBlank @Size(max = FULL_NAME_MAX) @Pattern(regexp = NO_CONTROL_CHARACTERS,
                    message = "must not contain control characters") String fullName) {
        @Override
        public String toString() {
            return "Register[email=" + email + ", password=" + HIDDEN + ", fullName=" + fullName + "]";
        }
    }

    public record Login(
            @NotBlank @Size(max = EMAIL_MAX) @Email(regexp = EMAIL_SHAPE) String email,
            @NotEmpty @Size(max = PRESENTED_PASSWORD_MAX) String password) {
        @Override
        public String toString() {
            return "Login[email=" + email + ", password=" + HIDDEN + "]";
        }
    }

    public record Refresh(@NotBlank @Size(max = TOKEN_MAX) String refreshToken) {
        @Override
        public String toString() {
            return "Refresh[" + HIDDEN + "]";
        }
    }

    /** The body of a logout is optional; the refresh token, when sent, has its family revoked too. */
    public record Logout(@Size(max = TOKEN_MAX) String refreshToken) {
        @Override
        public String toString() {
            return "Logout[" + HIDDEN + "]";
        }
    }

    public record ForgotPassword(@NotBlank @Size(max = EMAIL_MAX) @Email(regexp = EMAIL_SHAPE) String email) {
    }

    public record ResetPassword(
            @NotBlank @Size(max = TOKEN_MAX) String token,
            @NotNull @AcceptablePassword String newPassword) {
        @Override
        public String toString() {
            return "ResetPassword[" + HIDDEN + "]";
        }
    }

    public record VerifyEmail(@NotBlank @Size(max = TOKEN_MAX) String token) {
        @Override
        public String toString() {
            return "VerifyEmail[" + HIDDEN + "]";
        }
    }

    /** PATCH semantics: an absent fullName leaves the name as it is. */
    public record UpdateProfile(
            @Size(min = 1, max = FULL_NAME_MAX) @Pattern(regexp = ".*\\S.*", message = "must not be blank")
            @Pattern(regexp = NO_CONTROL_CHARACTERS, message = "must not contain control characters")
            String fullName) {
    }

    public record ChangePassword(
            @NotEmpty @Size(max = PRESENTED_PASSWORD_MAX) String currentPassword,
            @NotNull @AcceptablePassword String newPassword) {
        @Override
        public String toString() {
            return "ChangePassword[" + HIDDEN + "]";
        }
    }

    /** Deleting an account takes its password: a stolen access token alone cannot destroy it. */
    public record DeleteAccount(@NotEmpty @Size(max = PRESENTED_PASSWORD_MAX) String password) {
        @Override
        public String toString() {
            return "DeleteAccount[" + HIDDEN + "]";
        }
    }
}

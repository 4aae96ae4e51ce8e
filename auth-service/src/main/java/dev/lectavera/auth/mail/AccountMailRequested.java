package dev.lectavera.auth.mail;

/**
 * A mail to send once the transaction that produced its token commits. Carries a raw token: never log it
 * (toString leaves it out).
 */
public sealed interface AccountMailRequested {

    String to();

    record VerifyEmail(String to, String fullName, String token) implements AccountMailRequested {
        @Override
        public String toString() {
            return "VerifyEmail mail";
        }
    }

    record ResetPassword(String to, String fullName, String token) implements AccountMailRequested {
        @Override
        public String toString() {
            return "ResetPassword mail";
        }
    }
}

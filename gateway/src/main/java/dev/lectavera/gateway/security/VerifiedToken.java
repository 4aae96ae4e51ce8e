package dev.lectavera.gateway.security;

/**
 * The parts of a verified access token the gateway uses.
 *
 * @param subject         the user id ({@code sub})
 * @param tokenId         the {@code jti}, looked up in the revocation list
 * @param email           the {@code email} (or {@code upn}) claim; null when absent
 * @param expiresAtMillis the {@code exp} claim in epoch milliseconds
 * @param issuedAtSeconds the {@code iat} claim in epoch seconds (0 when absent: then any "revoked before" mark of the
 *                        user voids it), compared with {@code lv:revoked-before:{sub}}
 */
public record VerifiedToken(String subject, String tokenId, String email, long expiresAtMillis, long issuedAtSeconds) {
}

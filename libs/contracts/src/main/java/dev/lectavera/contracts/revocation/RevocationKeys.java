package dev.lectavera.contracts.revocation;

/**
 * The Redis names of token revocation: the contract between auth-service, which writes them, and the gateway and
 * every service, which mirror them in memory ({@link RevocationList}) and honour them.
 * <ul>
 *   <li>{@code lv:revoked:{jti}} = "1", TTL until the access token's expiry: one token logged out.</li>
 *   <li>{@code lv:revoked-before:{userId}} = epoch seconds T, TTL at least the access-token lifetime plus the
 *       services' clock skew: every access token of the user whose {@code iat} is before T is void (password
 *       change or reset, account deletion). auth-service issues new tokens with {@code iat >= T}.</li>
 *   <li>channel {@code lv:revocations}: a {@link RevocationNotice} per revocation, so that every mirror (and
 *       every open WebSocket) learns of it at once.</li>
 * </ul>
 */
public final class RevocationKeys {

    public static final String REVOKED_TOKEN_PREFIX = "lv:revoked:";
    public static final String REVOKED_BEFORE_PREFIX = "lv:revoked-before:";
    public static final String CHANNEL = "lv:revocations";
    /** SCAN pattern matching both kinds of key (and nothing else of LectaVera's), for a full load. */
    public static final String SCAN_PATTERN = "lv:revoked*";

    private RevocationKeys() {
    }

    public static String revokedToken(String jti) {
        return REVOKED_TOKEN_PREFIX + jti;
    }

    public static String revokedBefore(String userId) {
        return REVOKED_BEFORE_PREFIX + userId;
    }
}

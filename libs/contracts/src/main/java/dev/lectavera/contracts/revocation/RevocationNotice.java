package dev.lectavera.contracts.revocation;

import java.util.Objects;

/**
 * One message on {@link RevocationKeys#CHANNEL}: either one token ({@code jti}) or every token of the user issued
 * before {@code before} (epoch seconds). {@code until} (epoch seconds, optional) is when the matching Redis key
 * expires, i.e. when a mirror may forget the revocation; a notice without it (an older writer) is kept until a full
 * load no longer finds its key. Wire form, kept flat so any client can write it:
 * {@code {"userId":"…","jti":"…","until":1700000900}} or {@code {"userId":"…","before":1700000000,"until":…}};
 * readers ignore fields they do not know.
 */
public record RevocationNotice(String userId, String jti, Long before, Long until) {

    public static RevocationNotice token(String userId, String jti) {
        return new RevocationNotice(userId, jti, null, null);
    }

    public static RevocationNotice token(String userId, String jti, long untilEpochSeconds) {
        return new RevocationNotice(userId, jti, null, untilEpochSeconds);
    }

    public static RevocationNotice issuedBefore(String userId, long epochSeconds) {
        return new RevocationNotice(userId, null, epochSeconds, null);
    }

    public static RevocationNotice issuedBefore(String userId, long epochSeconds, long untilEpochSeconds) {
        return new RevocationNotice(userId, null, epochSeconds, untilEpochSeconds);
    }

    /** Whether a token of {@code tokenUserId} with this {@code jti} and {@code iat} is void by this notice. */
    public boolean voids(String tokenUserId, String tokenJti, long issuedAtSeconds) {
        if (userId == null || !userId.equals(tokenUserId)) {
            return false;
        }
        if (jti != null) {
            return jti.equals(tokenJti);
        }
        return before != null && issuedAtSeconds < before;
    }

    /** Whether the two notices revoke the same thing ({@code until}, bookkeeping only, aside). */
    public boolean revokesSameAs(RevocationNotice other) {
        return other != null && Objects.equals(userId, other.userId) && Objects.equals(jti, other.jti)
                && Objects.equals(before, other.before);
    }

    public String toJson() {
        StringBuilder json = new StringBuilder(112).append("{\"userId\":\"").append(safe(userId)).append('"');
        if (jti != null) {
            json.append(",\"jti\":\"").append(safe(jti)).append('"');
        }
        if (before != null) {
            json.append(",\"before\":").append(before.longValue());
        }
        if (until != null) {
            json.append(",\"until\":").append(until.longValue());
        }
        return json.append('}').toString();
    }

    /** Reads the wire form; null when the text is not one. */
    public static RevocationNotice fromJson(String text) {
        if (text == null || text.length() > 1024) {
            return null;
        }
        String userId = stringField(text, "userId");
        if (userId == null) {
            return null;
        }
        String jti = stringField(text, "jti");
        Long before = longField(text, "before");
        if (jti == null && before == null) {
            return null;
        }
        return new RevocationNotice(userId, jti, before, longField(text, "until"));
    }

    private static String stringField(String text, String name) {
        String marker = "\"" + name + "\":\"";
        int start = text.indexOf(marker);
        if (start < 0) {
            return null;
        }
        start += marker.length();
        int end = text.indexOf('"', start);
        return end < 0 ? null : text.substring(start, end);
    }

    private static Long longField(String text, String name) {
        String marker = "\"" + name + "\":";
        int start = text.indexOf(marker);
        if (start < 0) {
            return null;
        }
        start += marker.length();
        int end = start;
        while (end < text.length() && Character.isDigit(text.charAt(end))) {
            end++;
        }
        try {
            return end == start ? null : Long.parseLong(text.substring(start, end));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Ids and jtis are UUID-like; anything that would break the JSON is dropped rather than escaped. */
    private static String safe(String value) {
        return value == null ? "" : value.replace("\"", "").replace("\\", "");
    }
}

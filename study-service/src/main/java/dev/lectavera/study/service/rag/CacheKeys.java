package dev.lectavera.study.service.rag;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The RAG answer cache key: SHA-256 of the user, the normalised (condensed) question and the selected documents
 * with their versions, sorted. A document change bumps its version, so an answer built from the old text can
 * never be served again even before the invalidation event arrives.
 */
public final class CacheKeys {

    private CacheKeys() {
    }

    /** Case, Unicode form, punctuation and spacing do not change the question. */
    public static String normalise(String question) {
        String folded = Normalizer.normalize(question, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        StringBuilder out = new StringBuilder(folded.length());
        boolean space = false;
        for (int i = 0; i < folded.length(); i++) {
            char c = folded.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                if (space && !out.isEmpty()) {
                    out.append(' ');
                }
                out.append(c);
                space = false;
            } else {
                space = true;
            }
        }
        return out.toString();
    }

    public static String hash(UUID userId, String question, Map<UUID, Long> documentVersions) {
        String documents = new TreeMap<>(documentVersions).entrySet().stream()
                .map(e -> e.getKey() + "@" + e.getValue())
                .collect(Collectors.joining(","));
        String material = userId + "\n" + normalise(question) + "\n" + documents;
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(material.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

package dev.lectavera.document.blob;

import java.util.regex.Pattern;

/** The keys every store accepts: relative paths of letters, digits and {@code - _ .}, no empty or dot-led segment. */
final class BlobKeys {

    private static final Pattern SAFE_KEY =
            Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]*(/[A-Za-z0-9_-][A-Za-z0-9._-]*)*");

    private BlobKeys() {
    }

    static String requireValid(String key) {
        if (key == null || !SAFE_KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("Invalid blob key: " + key);
        }
        return key;
    }
}

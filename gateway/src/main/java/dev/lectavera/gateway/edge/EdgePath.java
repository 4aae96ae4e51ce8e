package dev.lectavera.gateway.edge;

/**
 * The one reading of a request path at the edge. Public routes, rate classes, the choice of upstream and the
 * path sent to it are all decided on {@link #normalise normalise(path)}, so a service can never match a path the
 * gateway classified differently.
 * <p>
 * First {@link #problemIn} refuses what a service would read differently from the gateway or what has no
 * business in an API path: {@code ;} (Quarkus REST drops matrix parameters, so {@code login;x} is login),
 * an encoded {@code /} or {@code \} (decoded after routing by some layers), a backslash, NUL, and broken
 * percent-encoding. Then {@link #normalise} decodes percent-encoded unreserved characters (RFC 3986: letters,
 * digits, {@code - . _ ~}; other encodings are kept, with upper-case hex), collapses repeated slashes, resolves
 * {@code .} and {@code ..} segments and drops a trailing slash (Quarkus REST matches {@code /login/} as
 * {@code /login}).
 */
public final class EdgePath {

    private EdgePath() {
    }

    /** Null when the raw path (no query) may be normalised; otherwise why it is refused (a 400's detail). */
    public static String problemIn(String rawPath) {
        if (rawPath == null || rawPath.isEmpty() || rawPath.charAt(0) != '/') {
            return "The request path must start with '/'.";
        }
        for (int i = 0; i < rawPath.length(); i++) {
            char c = rawPath.charAt(i);
            switch (c) {
                case ';':
                    return "The request path may not contain ';' (path parameters are not accepted).";
                case '\\':
                    return "The request path may not contain a backslash.";
                case '\0':
                    return "The request path may not contain NUL.";
                case '%':
                    if (i + 2 >= rawPath.length() || hex(rawPath.charAt(i + 1)) < 0 || hex(rawPath.charAt(i + 2)) < 0) {
                        return "The request path has a malformed percent-encoding.";
                    }
                    int decoded = hex(rawPath.charAt(i + 1)) * 16 + hex(rawPath.charAt(i + 2));
                    switch (decoded) {
                        case ';':
                            return "The request path may not contain an encoded ';' (%3B).";
                        case '/':
                            return "The request path may not contain an encoded '/' (%2F).";
                        case '\\':
                            return "The request path may not contain an encoded backslash (%5C).";
                        case 0:
                            return "The request path may not contain an encoded NUL (%00).";
                        default:
                            i += 2;
                    }
                    break;
                default:
            }
        }
        return null;
    }

    /** The path as the services match it; call only on a path {@link #problemIn} accepted. */
    public static String normalise(String rawPath) {
        if (isAlreadyNormal(rawPath)) {
            return rawPath; // the common case costs one scan and no allocation
        }
        String decoded = decodeUnreserved(rawPath);
        // Segments without empty ones (repeated slashes) and with dot segments resolved.
        String[] segments = decoded.split("/");
        String[] kept = new String[segments.length];
        int count = 0;
        for (String segment : segments) {
            if (segment.isEmpty() || segment.equals(".")) {
                continue;
            }
            if (segment.equals("..")) {
                if (count > 0) {
                    count--;
                }
                continue;
            }
            kept[count++] = segment;
        }
        if (count == 0) {
            return "/";
        }
        StringBuilder path = new StringBuilder(decoded.length());
        for (int i = 0; i < count; i++) {
            path.append('/').append(kept[i]);
        }
        return path.toString();
    }

    private static boolean isAlreadyNormal(String path) {
        int length = path.length();
        if (length > 1 && path.charAt(length - 1) == '/') {
            return false;
        }
        for (int i = 0; i < length; i++) {
            char c = path.charAt(i);
            if (c == '%') {
                return false;
            }
            if (c == '/' && i + 1 < length) {
                char next = path.charAt(i + 1);
                if (next == '/' || next == '.') {
                    return false;
                }
            }
        }
        return true;
    }

    private static String decodeUnreserved(String path) {
        StringBuilder decoded = new StringBuilder(path.length());
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c != '%') {
                decoded.append(c);
                continue;
            }
            char value = (char) (hex(path.charAt(i + 1)) * 16 + hex(path.charAt(i + 2)));
            if (isUnreserved(value)) {
                decoded.append(value);
            } else {
                decoded.append('%').append(Character.toUpperCase(path.charAt(i + 1))).append(Character.toUpperCase(path.charAt(i + 2)));
            }
            i += 2;
        }
        return decoded.toString();
    }

    private static boolean isUnreserved(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                || c == '-' || c == '.' || c == '_' || c == '~';
    }

    private static int hex(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }
}

package dev.lectavera.gateway.trace;

import io.vertx.core.MultiMap;

import java.util.concurrent.ThreadLocalRandom;

/**
 * A request's trace when the gateway records no span (nothing is exported): the client's trace id when it sent a
 * valid W3C {@code traceparent}, else a new one, and a new span id for the gateway's hop — the ids an unsampled
 * OpenTelemetry server span would have had, without the span. The upstream gets {@code traceparent} with flags
 * {@code 00} (nothing recorded here, whatever the client asked), the client's {@code tracestate} when its
 * {@code traceparent} was valid, and its {@code baggage}, each only when it is printable ASCII within the W3C sizes.
 *
 * @param traceState the client's {@code tracestate} to pass on, or null
 * @param baggage    the client's {@code baggage} to pass on, or null
 */
public record EdgeTrace(String traceId, String spanId, String traceState, String baggage) implements RequestTrace {

    private static final int TRACEPARENT_LENGTH = 55;
    private static final int MAX_TRACESTATE = 512;
    private static final int MAX_BAGGAGE = 8192;
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    /** Continues the trace of the client's headers (null when absent), or starts one. */
    public static EdgeTrace continueOrStart(String traceparent, String tracestate, String baggage) {
        String sentBaggage = printable(baggage, MAX_BAGGAGE) ? baggage : null;
        if (isValidTraceparent(traceparent)) {
            return new EdgeTrace(traceparent.substring(3, 35), newSpanId(),
                    printable(tracestate, MAX_TRACESTATE) ? tracestate : null, sentBaggage);
        }
        return new EdgeTrace(newTraceId(), newSpanId(), null, sentBaggage);
    }

    /** {@code 00-<trace id>-<the gateway's span id>-00}. */
    public String traceparent() {
        return "00-" + traceId + '-' + spanId + "-00";
    }

    @Override
    public void writeHeaders(MultiMap headers) {
        headers.set(TRACEPARENT, traceparent());
        if (traceState != null) {
            headers.set(TRACESTATE, traceState);
        }
        if (baggage != null) {
            headers.set(BAGGAGE, baggage);
        }
    }

    /**
     * W3C Trace Context: {@code version-traceid-parentid-flags}, lower-case hex, ids not all zero, version not
     * {@code ff}; version {@code 00} is exactly 55 characters, a later version may append {@code -...}.
     */
    static boolean isValidTraceparent(String value) {
        if (value == null || value.length() < TRACEPARENT_LENGTH) {
            return false;
        }
        if (value.charAt(2) != '-' || value.charAt(35) != '-' || value.charAt(52) != '-') {
            return false;
        }
        if (!isHex(value, 0, 2) || value.startsWith("ff") || !isHex(value, 53, 55)) {
            return false;
        }
        if (value.startsWith("00") ? value.length() != TRACEPARENT_LENGTH
                : value.length() > TRACEPARENT_LENGTH && value.charAt(TRACEPARENT_LENGTH) != '-') {
            return false;
        }
        return isHex(value, 3, 35) && !isZeros(value, 3, 35) && isHex(value, 36, 52) && !isZeros(value, 36, 52);
    }

    private static boolean isHex(String value, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = value.charAt(i);
            if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isZeros(String value, int from, int to) {
        for (int i = from; i < to; i++) {
            if (value.charAt(i) != '0') {
                return false;
            }
        }
        return true;
    }

    private static boolean printable(String value, int maxLength) {
        if (value == null || value.isEmpty() || value.length() > maxLength) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c > 0x7e) {
                return false;
            }
        }
        return true;
    }

    /** Random ids as OpenTelemetry's default generator makes them (never all zero); unique, not secret. */
    static String newTraceId() {
        char[] id = new char[32];
        hex(ThreadLocalRandom.current().nextLong(), id, 0);
        hex(nonZeroRandom(), id, 16);
        return new String(id);
    }

    static String newSpanId() {
        char[] id = new char[16];
        hex(nonZeroRandom(), id, 0);
        return new String(id);
    }

    private static long nonZeroRandom() {
        long value;
        do {
            value = ThreadLocalRandom.current().nextLong();
        } while (value == 0);
        return value;
    }

    private static void hex(long value, char[] into, int offset) {
        for (int i = 15; i >= 0; i--) {
            into[offset + i] = HEX[(int) (value & 0xF)];
            value >>>= 4;
        }
    }
}

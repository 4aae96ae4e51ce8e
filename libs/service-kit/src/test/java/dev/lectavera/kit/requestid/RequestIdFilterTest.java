package dev.lectavera.kit.requestid;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RequestIdFilterTest {

    @Test
    void aPlainShortIdIsKept() {
        assertTrue(RequestIdFilter.isUsable("req-123.abc:x_y"));
        assertTrue(RequestIdFilter.isUsable("a".repeat(RequestIdFilter.MAX_LENGTH)));
    }

    @Test
    void anythingThatCouldForgeALogLineIsReplaced() {
        assertFalse(RequestIdFilter.isUsable(null));
        assertFalse(RequestIdFilter.isUsable(""));
        assertFalse(RequestIdFilter.isUsable("a".repeat(RequestIdFilter.MAX_LENGTH + 1)));
        assertFalse(RequestIdFilter.isUsable("id\nINFO forged"));
        assertFalse(RequestIdFilter.isUsable("id with spaces"));
        assertFalse(RequestIdFilter.isUsable("é"));
    }
}

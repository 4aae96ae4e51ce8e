package dev.lectavera.study.rag;

import dev.lectavera.study.model.MessageRow;
import dev.lectavera.study.model.Role;
import dev.lectavera.study.service.LiveWindow;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** When a Redis window may be trusted instead of PostgreSQL. */
class LiveWindowTest {

    private static MessageRow message(long seq) {
        return new MessageRow(UUID.randomUUID(), seq, UUID.randomUUID(), Role.USER, "q", List.of(), null, null, null,
                null, null, null, Instant.now());
    }

    @Test
    void aWindowEndingWithTheNewestMessageInOrderIsUsable() {
        assertTrue(LiveWindow.usable(List.of(message(3), message(7), message(9)), 9));
    }

    @Test
    void aWindowMissingTheNewestMessageIsNot() {
        assertFalse(LiveWindow.usable(List.of(message(3), message(7)), 9));
    }

    @Test
    void aWindowOutOfOrderOrWithADuplicateIsNot() {
        assertFalse(LiveWindow.usable(List.of(message(7), message(3), message(9)), 9));
        assertFalse(LiveWindow.usable(List.of(message(3), message(9), message(9)), 9));
        assertFalse(LiveWindow.usable(List.of(), 0));
    }
}

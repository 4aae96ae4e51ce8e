package dev.lectavera.gateway.edge;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RequestIdsTest {

    @Test
    void saneIdsAreKeptOthersReplaced() {
        assertEquals("abc-123_x.y:z", RequestIds.acceptOrCreate("abc-123_x.y:z"));
        for (String insane : new String[]{null, "", "a b", "a\r\nX-Evil: 1", "x".repeat(65), "é"}) {
            String replaced = RequestIds.acceptOrCreate(insane);
            assertNotEquals(insane, replaced);
            assertTrue(RequestIds.isSane(replaced));
        }
    }

    @Test
    void createdIdsAreVersion4UuidsAndDistinct() {
        String id = RequestIds.create();
        assertTrue(id.matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}"), id);
        assertNotEquals(id, RequestIds.create());
    }
}

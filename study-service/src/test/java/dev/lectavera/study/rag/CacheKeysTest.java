package dev.lectavera.study.rag;

import dev.lectavera.study.service.rag.CacheKeys;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

class CacheKeysTest {

    private final UUID user = UUID.randomUUID();
    private final UUID a = UUID.fromString("00000000-0000-7000-8000-00000000000a");
    private final UUID b = UUID.fromString("00000000-0000-7000-8000-00000000000b");

    @Test
    void caseSpacingPunctuationAndUnicodeFormDoNotMatter() {
        assertEquals("what is atp", CacheKeys.normalise("  What is   ATP?? "));
        assertEquals(CacheKeys.normalise("What is ATP?"), CacheKeys.normalise("what is atp"));
        assertEquals(CacheKeys.normalise("ﬁle café"), CacheKeys.normalise("FILE CAFÉ!"));
        assertEquals(CacheKeys.hash(user, "What is ATP?", Map.of(a, 1L)), CacheKeys.hash(user, "what is ATP", Map.of(a, 1L)));
    }

    @Test
    void documentOrderDoesNotMatter() {
        Map<UUID, Long> ab = new LinkedHashMap<>();
        ab.put(a, 1L);
        ab.put(b, 2L);
        Map<UUID, Long> ba = new LinkedHashMap<>();
        ba.put(b, 2L);
        ba.put(a, 1L);
        assertEquals(CacheKeys.hash(user, "q", ab), CacheKeys.hash(user, "q", ba));
    }

    @Test
    void userQuestionDocumentsAndVersionsAllMatter() {
        String key = CacheKeys.hash(user, "what is atp", Map.of(a, 1L));
        assertNotEquals(key, CacheKeys.hash(UUID.randomUUID(), "what is atp", Map.of(a, 1L)));
        assertNotEquals(key, CacheKeys.hash(user, "what is adp", Map.of(a, 1L)));
        assertNotEquals(key, CacheKeys.hash(user, "what is atp", Map.of(b, 1L)));
        assertNotEquals(key, CacheKeys.hash(user, "what is atp", Map.of(a, 2L)));
        assertNotEquals(key, CacheKeys.hash(user, "what is atp", Map.of(a, 1L, b, 1L)));
        assertEquals(64, key.length());
    }
}

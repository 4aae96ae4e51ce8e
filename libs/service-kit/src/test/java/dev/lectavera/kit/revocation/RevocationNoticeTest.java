package dev.lectavera.kit.revocation;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RevocationNoticeTest {

    @Test
    void aNoticeSurvivesItsWireForm() {
        RevocationNotice one = RevocationNotice.token("u1", "j1");
        RevocationNotice all = RevocationNotice.issuedBefore("u1", 1_700_000_000L);
        assertEquals(one, RevocationNotice.fromJson(one.toJson()));
        assertEquals(all, RevocationNotice.fromJson(all.toJson()));
        assertNull(RevocationNotice.fromJson("{\"userId\":\"u1\"}"));
        assertNull(RevocationNotice.fromJson("junk"));
        assertNull(RevocationNotice.fromJson(null));
    }

    @Test
    void aTokenNoticeVoidsOnlyThatTokenOfThatUser() {
        RevocationNotice notice = RevocationNotice.token("u1", "j1");
        assertTrue(notice.voids("u1", "j1", 10));
        assertFalse(notice.voids("u1", "j2", 10));
        assertFalse(notice.voids("u2", "j1", 10));
    }

    @Test
    void aMarkVoidsTokensIssuedStrictlyBeforeIt() {
        RevocationNotice notice = RevocationNotice.issuedBefore("u1", 100);
        assertTrue(notice.voids("u1", "any", 99));
        assertFalse(notice.voids("u1", "any", 100));
        assertFalse(notice.voids("u2", "any", 1));
    }

    @Test
    void theRedisAnswerIsReadTheSameWay() {
        Map<String, String> found = new HashMap<>();
        assertFalse(RevocationCheck.revoked(found, "t", "m", 50));
        found.put("m", "100");
        assertTrue(RevocationCheck.revoked(found, "t", "m", 99));
        assertFalse(RevocationCheck.revoked(found, "t", "m", 100));
        found.put("m", "junk");
        assertFalse(RevocationCheck.revoked(found, "t", "m", 1));
        found.put("t", "1");
        assertTrue(RevocationCheck.revoked(found, "t", "m", 1_000));
        assertFalse(RevocationCheck.revoked(null, "t", "m", 1));
    }
}

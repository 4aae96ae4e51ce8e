package dev.lectavera.contracts.revocation;

import org.junit.jupiter.api.Test;

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
    void untilTravelsWithTheNoticeAndOlderWireFormsStillRead() {
        RevocationNotice one = RevocationNotice.token("u1", "j1", 1_700_000_900L);
        RevocationNotice all = RevocationNotice.issuedBefore("u1", 1_700_000_000L, 1_700_001_020L);
        assertEquals(one, RevocationNotice.fromJson(one.toJson()));
        assertEquals(all, RevocationNotice.fromJson(all.toJson()));
        assertEquals(RevocationNotice.token("u1", "j1"), RevocationNotice.fromJson("{\"userId\":\"u1\",\"jti\":\"j1\"}"));
        assertTrue(one.revokesSameAs(RevocationNotice.token("u1", "j1")));
        assertFalse(one.revokesSameAs(RevocationNotice.token("u1", "j2")));
        assertFalse(all.revokesSameAs(RevocationNotice.issuedBefore("u1", 1_700_000_001L)));
    }
}

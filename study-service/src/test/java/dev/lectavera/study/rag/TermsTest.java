package dev.lectavera.study.rag;

import dev.lectavera.study.service.rag.Terms;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TermsTest {

    @Test
    void inflectionsOfOneWordMeet() {
        assertEquals(Terms.stem("produce"), Terms.stem("produces"));
        assertEquals(Terms.stem("produce"), Terms.stem("produced"));
        assertEquals(Terms.stem("produce"), Terms.stem("producing"));
        assertEquals("cell", Terms.stem("cells"));
        assertEquals("study", Terms.stem("studies"));
        assertEquals("class", Terms.stem("classes"));
        assertEquals("process", Terms.stem("process"));
    }

    @Test
    void questionWordsAndStopWordsCarryNoMeaning() {
        assertEquals(List.of("mitochondrion", "produce"), Terms.contentWords("What does the mitochondrion produce?"));
        assertEquals(List.of(), Terms.contentWords("Why is that?"));
        assertEquals(Set.of("atp", "1998"), Terms.stems("What is ATP in 1998?"));
    }

    @Test
    void wordsAreLowerCasedAndUnicodeFolded() {
        assertEquals(List.of("file", "café", "it's", "x2"), Terms.words("ﬁle CAFÉ It’s x2!"));
    }

    @Test
    void anaphorsMarkFollowUps() {
        assertTrue(Terms.hasAnaphor("How is it made?"));
        assertTrue(Terms.hasAnaphor("Why are those important"));
        assertFalse(Terms.hasAnaphor("What is oxidative phosphorylation?"));
    }

    @Test
    void oneWordFamilyMeetsAcrossSpellingsAndDerivations() {
        assertTrue(Terms.related(Terms.stem("licence"), Terms.stem("license")));
        assertTrue(Terms.related(Terms.stem("register"), Terms.stem("registration")));
        assertTrue(Terms.contains(Terms.stems("It is verified twice."), Terms.stem("verification")));
        assertFalse(Terms.related("md5", "md4"));
        assertFalse(Terms.related("comment", "common"));
        assertFalse(Terms.related("file", "filter"));
        assertEquals(0.5, Terms.coverage(Terms.stems("licence terms"), Terms.stems("The License")));
    }
}

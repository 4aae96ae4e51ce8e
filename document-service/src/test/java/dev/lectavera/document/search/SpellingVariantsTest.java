package dev.lectavera.document.search;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SpellingVariantsTest {

    @Test
    void britishSpellingsGetTheirAmericanFormAdded() {
        assertEquals("Under which licence is it released? license",
                SpellingVariants.expand("Under which licence is it released?"));
        assertEquals("Licences and behaviour licenses behavior", SpellingVariants.expand("Licences and behaviour"));
        assertEquals("How is it serialised? serialized", SpellingVariants.expand("How is it serialised?"));
        assertEquals("the centre catalogue center catalog", SpellingVariants.expand("the centre catalogue"));
    }

    @Test
    void aQueryWithoutBritishSpellingsIsLeftAsItIs() {
        assertEquals("Which header file do I include?", SpellingVariants.expand("Which header file do I include?"));
        assertEquals("", SpellingVariants.expand(""));
    }
}

package dev.lectavera.demo.sample;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SampleDocumentTest {

    /** Key sentences and the page they must be on (the demo questions rely on these). */
    private static final List<Object[]> KEY_SENTENCES = List.of(
            new Object[]{1, "The water cycle is the continuous movement of water between the oceans, the air and the land."},
            new Object[]{2, "The oceans hold about 97 percent of the water on Earth."},
            new Object[]{3, "Turning one gram of water into vapour at its boiling point takes about 2,260 joules."},
            new Object[]{4, "Transpiration is the release of water vapour from plants through tiny pores in their leaves called stomata."},
            new Object[]{5, "The Latin names still used for clouds were proposed by Luke Howard."},
            new Object[]{6, "Precipitation is any form of water that falls from clouds and reaches the ground."},
            new Object[]{7, "On average, a water molecule stays in the atmosphere for about 9 days before it falls back to the surface as precipitation."},
            new Object[]{8, "An aquifer is a layer of rock or sediment that holds groundwater and lets it flow."},
            new Object[]{9, "The Amazon is the largest river by volume."},
            new Object[]{10, "Agriculture accounts for about 70 percent of the freshwater that people withdraw from rivers, lakes and aquifers."});

    @Test
    void theGuideHasTenPagesWithHeadingsAndParagraphs() {
        List<SampleDocument.Page> pages = SampleDocument.pages();
        assertEquals(10, pages.size());
        for (SampleDocument.Page page : pages) {
            assertFalse(page.heading().isBlank(), "page " + page.number() + " heading");
            assertTrue(page.paragraphs().size() >= 4, "page " + page.number() + " has paragraphs");
            assertFalse(page.paragraphs().stream().anyMatch(p -> p.contains("<!--") || p.startsWith("#")),
                    "no markup leaks into page " + page.number());
        }
        assertEquals("Transpiration and Sublimation", pages.get(3).heading());
    }

    @Test
    void thePdfHasOnePagePerSectionAndEachKeySentenceIsOnItsPage() throws IOException {
        byte[] pdf = SampleDocument.pdf();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertEquals(10, document.getNumberOfPages());
            assertEquals(SampleDocument.TITLE, document.getDocumentInformation().getTitle());
            for (Object[] key : KEY_SENTENCES) {
                int page = (Integer) key[0];
                String text = pageText(document, page);
                assertTrue(text.contains((String) key[1]), "page " + page + " should say: " + key[1] + "\nbut has: " + text);
                assertTrue(text.contains("Page " + page + " of 10"), "page number on page " + page);
                for (int other = 1; other <= 10; other++) {
                    if (other != page) {
                        assertFalse(pageText(document, other).contains((String) key[1]),
                                "the sentence of page " + page + " is also on page " + other);
                    }
                }
            }
        }
    }

    /** Extracted as document-service does, a heading and every paragraph stand alone (a blank line apart). */
    @Test
    void headingsAndParagraphsComeOutAsSeparateParagraphs() throws IOException {
        List<SampleDocument.Page> pages = SampleDocument.pages();
        try (PDDocument document = Loader.loadPDF(SampleDocument.pdf())) {
            for (SampleDocument.Page page : pages) {
                PDFTextStripper stripper = new PDFTextStripper();
                stripper.setLineSeparator("\n");
                stripper.setParagraphEnd("\n");
                stripper.setStartPage(page.number());
                stripper.setEndPage(page.number());
                List<String> paragraphs = java.util.Arrays.stream(stripper.getText(document).split("\\n\\s*\\n"))
                        .map(p -> p.replaceAll("\\s+", " ").strip())
                        .filter(p -> !p.isEmpty())
                        .toList();
                List<String> expected = new java.util.ArrayList<>();
                if (page.number() == 1) {
                    expected.add("A LectaVera study guide: " + SampleDocument.TITLE);
                }
                expected.add(page.heading());
                expected.addAll(page.paragraphs());
                expected.add("Page " + page.number() + " of " + pages.size());
                assertEquals(expected, paragraphs, "paragraphs of page " + page.number());
            }
        }
    }

    @Test
    void eachDemoQuestionIsAnsweredOnItsPageOnly() throws IOException {
        try (PDDocument document = Loader.loadPDF(SampleDocument.pdf())) {
            for (SampleDocument.SampleQuestion question : SampleDocument.QUESTIONS) {
                for (int page = 1; page <= 10; page++) {
                    boolean has = pageText(document, page).contains(question.expectedTerm());
                    assertEquals(page == question.page(), has,
                            "\"" + question.expectedTerm() + "\" on page " + page + " for " + question.question());
                }
            }
        }
    }

    @Test
    void writesTheSamePdfToAFile(@TempDir Path dir) throws IOException {
        Path written = SampleDocument.writePdf(dir.resolve("nested/water-cycle.pdf"));
        byte[] bytes = Files.readAllBytes(written);
        assertEquals("%PDF-", new String(bytes, 0, 5));
        try (PDDocument document = Loader.loadPDF(bytes)) {
            assertEquals(10, document.getNumberOfPages());
        }
    }

    @Test
    void wordWrapKeepsEveryWordInOrderWithinTheWidth() throws IOException {
        var font = new org.apache.pdfbox.pdmodel.font.PDType1Font(
                org.apache.pdfbox.pdmodel.font.Standard14Fonts.FontName.HELVETICA);
        String paragraph = SampleDocument.pages().get(1).paragraphs().get(0);
        List<String> lines = SampleDocument.wrap(paragraph, font, 11, 200);
        assertTrue(lines.size() > 2);
        assertEquals(paragraph, String.join(" ", lines));
        for (String line : lines) {
            assertTrue(font.getStringWidth(line) / 1000 * 11 <= 200 || !line.contains(" "), "too wide: " + line);
        }
    }

    private static String pageText(PDDocument document, int page) throws IOException {
        PDFTextStripper stripper = new PDFTextStripper();
        stripper.setStartPage(page);
        stripper.setEndPage(page);
        return stripper.getText(document).replaceAll("\\s+", " ");
    }
}

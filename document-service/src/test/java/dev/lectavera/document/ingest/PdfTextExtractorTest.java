package dev.lectavera.document.ingest;

import dev.lectavera.document.model.DocumentStatus;
import dev.lectavera.document.model.FailureCode;
import dev.lectavera.document.support.TestPdfs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PdfTextExtractorTest {

    @TempDir
    Path dir;

    private Path write(byte[] bytes) throws IOException {
        return Files.write(Files.createTempFile(dir, "doc", ".pdf"), bytes);
    }

    @Test
    void extractsTextPerPageWithParagraphBreaksTitleAndAuthor() throws Exception {
        Path pdf = write(TestPdfs.withTitle("Cell Biology Notes",
                "Cells are the units of life.\n\nMembranes separate the inside from the outside.",
                "Mitochondria produce ATP through respiration."));
        List<Integer> progress = new ArrayList<>();
        ExtractedDocument document = PdfTextExtractor.extract(pdf, progress::add);
        assertEquals(2, document.pageCount());
        assertEquals("Cells are the units of life.\n\nMembranes separate the inside from the outside.",
                document.pages().get(0));
        assertEquals("Mitochondria produce ATP through respiration.", document.pages().get(1));
        assertEquals("Cell Biology Notes", document.title());
        assertEquals("LectaVera Tests", document.author());
        assertEquals(List.of(1, 2), progress);
    }

    @Test
    void passwordProtectedFileFailsWithAReadableReason() throws Exception {
        Path pdf = write(TestPdfs.encrypted("Secret lecture notes."));
        UnreadableDocumentException e = assertThrows(UnreadableDocumentException.class,
                () -> PdfTextExtractor.extract(pdf, page -> { }));
        assertEquals(DocumentStatus.FAILED, e.status());
        assertTrue(e.reason().contains("password-protected"), e.reason());
    }

    @Test
    void truncatedFileFails() throws Exception {
        byte[] whole = TestPdfs.pages("Page one text.", "Page two text.", "Page three text.");
        Path pdf = write(TestPdfs.truncated(whole, 0.6));
        UnreadableDocumentException e = assertThrows(UnreadableDocumentException.class,
                () -> PdfTextExtractor.extract(pdf, page -> { }));
        assertEquals(DocumentStatus.FAILED, e.status());
        assertEquals(PdfTextExtractor.TRUNCATED, e.reason());
    }

    @Test
    void garbageAfterTheHeaderIsDamaged() throws Exception {
        Path pdf = write("%PDF-1.7\nthis is not really a pdf at all\n%%EOF\n".getBytes(StandardCharsets.US_ASCII));
        UnreadableDocumentException e = assertThrows(UnreadableDocumentException.class,
                () -> PdfTextExtractor.extract(pdf, page -> { }));
        assertEquals(DocumentStatus.FAILED, e.status());
        assertEquals(PdfTextExtractor.DAMAGED, e.reason());
    }

    @Test
    void imageOnlyPagesNeedOcr() throws Exception {
        Path pdf = write(TestPdfs.imageOnly(2));
        UnreadableDocumentException e = assertThrows(UnreadableDocumentException.class,
                () -> PdfTextExtractor.extract(pdf, page -> { }));
        assertEquals(DocumentStatus.NEEDS_OCR, e.status());
    }

    @Test
    void blankPagesHaveNoText() throws Exception {
        Path pdf = write(TestPdfs.blankPages(2));
        UnreadableDocumentException e = assertThrows(UnreadableDocumentException.class,
                () -> PdfTextExtractor.extract(pdf, page -> { }));
        assertEquals(DocumentStatus.FAILED, e.status());
        assertEquals(PdfTextExtractor.NO_TEXT, e.reason());
    }

    @Test
    void normalizationKeepsParagraphBreaksAndDropsNoise() {
        assertEquals("a b\nc.\n\nD", PdfTextExtractor.normalize("  a \t b \r\nc.\u0000\n\n\n\n   D  "));
    }

    @Test
    void aFewSidewaysGlyphsAFiguresAxisLabelAreLeftOut() throws Exception {
        String text = "The quantiles of the sample are plotted against those of a normal distribution, and a straight"
                + " line through the quartiles shows how well they agree.\n\nA longer right tail bends the points"
                + " above the line at the top, and a shorter one below it.";
        ExtractedDocument document = PdfTextExtractor.extract(
                write(TestPdfs.withSidewaysLabel(text, "Sample Quantiles", 1)), page -> { });
        // PDFBox would give it as a column of short lines ("S", "am", "pl", "e" …) among the paragraphs
        assertFalse(document.pages().getFirst().replaceAll("\\s+", "").contains("SampleQuantiles"),
                document.pages().getFirst());
        assertTrue(document.pages().getFirst().contains("The quantiles of the sample are plotted"));
    }

    @Test
    void glyphsOfAPictureFontAreNotText() throws Exception {
        // music notation and dingbats: PDFBox would give their glyphs as stray letters or symbols among the words
        ExtractedDocument document = PdfTextExtractor.extract(
                write(TestPdfs.withDingbats("Tick the boxes that apply to you.", "\u2714\u2714\u2718\u2714")), page -> { });
        assertEquals("Tick the boxes that apply to you.", document.pages().getFirst());
    }

    @Test
    void sidewaysTextThatIsARealShareOfThePageIsKept() throws Exception {
        // a landscape table turned on a portrait page: far more than a label, so nothing is dropped (PDFBox breaks
        // sideways text into short lines, but its glyphs are all there)
        String label = "Region Population Area Density per square kilometre";
        ExtractedDocument document = PdfTextExtractor.extract(
                write(TestPdfs.withSidewaysLabel("Table 3 lists the regions.", label, 4)), page -> { });
        String page = document.pages().getFirst();
        assertTrue(page.replaceAll("\\s+", "").contains("RegionPopulationArea"), page);
        assertTrue(page.contains("Table 3 lists the regions."), page);
    }

    @Test
    void aBlankLineInTheMiddleOfASentenceBecomesALineBreak() {
        // PDFBox's paragraph break after a line ending in a monospace word (R's manual: "functions pmax" / "and pmin")
        String page = """
                Note that max and min select the largest and smallest values in their arguments, even
                if they are given several vectors. The parallel maximum and minimum functions pmax

                and pmin return a vector (of length equal to their longest argument) that contains in each
                element the largest (smallest) element in that position in any of the input vectors.""";
        assertEquals(page.replace("pmax\n\n", "pmax\n"), PdfTextExtractor.normalize(page));
    }

    @Test
    void realParagraphBreaksStay() {
        String page = """
                A paragraph of running text whose lines are all about as long as this one is.

                lower case after a sentence's end, as when a paragraph starts with a function name (and
                behind a closing quote or bracket too: see the next line, which ends the paragraph (here.)

                lower case again, then a short line of a listing
                ending without a stop

                y <- 2*x
                Running text that leads into a listing of code lines and does not end in a stop

                > unclass(winter)

                A signature line as long as running text can be: int f (const char * in, char ** out)

                handle: a labelled item of a definition list, which is not the signature's sentence
                idn2_free . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . 9

                idn2_lookup_ul . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . 9""";
        assertEquals(page, PdfTextExtractor.normalize(page));
    }

    // ---- limits (issue 14): each one ends the document with its code, and stops the work when it is passed

    private static UnreadableDocumentException refused(Path pdf, ExtractionLimits limits, Deadline deadline) {
        return assertThrows(UnreadableDocumentException.class,
                () -> PdfTextExtractor.extract(pdf, limits, deadline, page -> { }));
    }

    @Test
    void theSharedStreamBombStopsOnItsFirstPageWithBoundedHeap() throws Exception {
        byte[] bomb = TestPdfs.sharedStreamBomb(200, 12_000_000);
        Path pdf = write(bomb);
        List<Integer> pagesRead = new ArrayList<>();
        Runtime runtime = Runtime.getRuntime();
        long before = runtime.totalMemory() - runtime.freeMemory();
        UnreadableDocumentException e = assertThrows(UnreadableDocumentException.class,
                () -> PdfTextExtractor.extract(pdf, ExtractionLimits.DEFAULTS, Deadline.none(), pagesRead::add));
        long after = runtime.totalMemory() - runtime.freeMemory();
        assertEquals(FailureCode.PAGE_TEXT_TOO_LARGE, e.code());
        assertEquals(DocumentStatus.FAILED, e.status());
        assertEquals(List.of(), pagesRead, "stopped inside page 1");
        assertEquals(200, e.pageCount());
        System.out.printf("bomb: %d bytes on disk, 200 pages x 12M glyphs; heap in use before %d MB, after %d MB"
                + " (max %d MB)%n", bomb.length, before >> 20, after >> 20, runtime.maxMemory() >> 20);
    }

    @Test
    void moreThanTheMaximumNumberOfPagesIsRefusedBeforeReading() throws Exception {
        Path pdf = write(TestPdfs.manyPages(11));
        UnreadableDocumentException e = refused(pdf, ExtractionLimits.DEFAULTS.withMaxPages(10), Deadline.none());
        assertEquals(FailureCode.TOO_MANY_PAGES, e.code());
        assertTrue(e.reason().contains("11 pages"), e.reason());
        assertEquals(10, PdfTextExtractor.extract(write(TestPdfs.manyPages(10)),
                ExtractionLimits.DEFAULTS.withMaxPages(10), Deadline.none(), page -> { }).pageCount());
    }

    @Test
    void aPageOverTheCharacterCapIsStopped() throws Exception {
        Path pdf = write(TestPdfs.densePage(60_000));
        UnreadableDocumentException e = refused(pdf, ExtractionLimits.DEFAULTS, Deadline.none());
        assertEquals(FailureCode.PAGE_TEXT_TOO_LARGE, e.code());
        assertTrue(e.reason().startsWith("Page 1 carries more than 50,000 characters"), e.reason());
        // the same page under a higher cap is read
        assertEquals(1, PdfTextExtractor.extract(pdf, ExtractionLimits.DEFAULTS.withMaxPageChars(70_000),
                Deadline.none(), page -> { }).pageCount());
    }

    @Test
    void aDocumentOverTheCharacterCapIsStopped() throws Exception {
        Path pdf = write(TestPdfs.sharedStreamBomb(5, 1_000));
        UnreadableDocumentException e = refused(pdf, ExtractionLimits.DEFAULTS.withMaxDocumentChars(4_500),
                Deadline.none());
        assertEquals(FailureCode.TEXT_TOO_LARGE, e.code());
    }

    @Test
    void aCompressedStreamThatInflatesPastTheCapIsRefusedBeforePdfBoxInflatesIt() throws Exception {
        Path pdf = write(TestPdfs.inflatingPage(3L * 1024 * 1024));
        UnreadableDocumentException e = refused(pdf,
                ExtractionLimits.DEFAULTS.withMaxDecodedStreamBytes(1024 * 1024), Deadline.none());
        assertEquals(FailureCode.CONTENT_TOO_LARGE, e.code());
        assertEquals("Text after the padding.", PdfTextExtractor.extract(pdf, page -> { }).pages().getFirst());
    }

    @Test
    void imagesAreNeverDecodedForText() throws Exception {
        // the picture inflates to 24 MB; the cap on decoded streams is 1 MB: only a reader that skips it succeeds
        Path pdf = write(TestPdfs.textWithInflatingImage("Caption of a large figure.", 24L * 1024 * 1024));
        ExtractedDocument document = PdfTextExtractor.extract(pdf,
                ExtractionLimits.DEFAULTS.withMaxDecodedStreamBytes(1024 * 1024), Deadline.none(), page -> { });
        assertEquals("Caption of a large figure.", document.pages().getFirst());
    }

    @Test
    void aSpentDocumentDeadlineStopsExtraction() throws Exception {
        Path pdf = write(TestPdfs.manyPages(3));
        UnreadableDocumentException e = refused(pdf, ExtractionLimits.DEFAULTS, Deadline.after(Duration.ZERO));
        assertEquals(FailureCode.TOOK_TOO_LONG, e.code());
    }

    @Test
    void aPageOverItsDeadlineStopsExtraction() throws Exception {
        Path pdf = write(TestPdfs.densePage(10_000));
        UnreadableDocumentException e = refused(pdf, ExtractionLimits.DEFAULTS.withPageDeadline(Duration.ZERO),
                Deadline.none());
        assertEquals(FailureCode.TOOK_TOO_LONG, e.code());
        assertTrue(e.reason().startsWith("Page 1 took longer than"), e.reason());
    }
}

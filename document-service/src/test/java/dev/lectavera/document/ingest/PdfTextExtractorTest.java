package dev.lectavera.document.ingest;

import dev.lectavera.document.model.DocumentStatus;
import dev.lectavera.document.support.TestPdfs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
        assertEquals("a b\nc\n\nd", PdfTextExtractor.normalize("  a \t b \r\nc\u0000\n\n\n\n   d  "));
    }
}

package dev.lectavera.document.ingest;

import dev.lectavera.document.ocr.OcrResult;
import dev.lectavera.document.ocr.PageImages;
import dev.lectavera.document.ocr.TesseractCli;
import dev.lectavera.document.support.TestPdfs;
import dev.lectavera.testsupport.pdf.ScannedPdfs;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The extractor with a real Tesseract behind {@link PageOcr}: which pages are read by OCR, and what comes out. */
class ScannedPdfExtractionTest {

    static final String PAGE_1 = "Cell Biology Basics\n\nCells are the smallest units of life. Every organism is made"
            + " of one or more cells, and every cell comes from another cell.";
    static final String PAGE_2 = "Energy in the Cell\n\nMitochondria produce ATP through oxidative phosphorylation."
            + " This is why they are called the powerhouse of the cell.";
    static final String PAGE_3 = "Photosynthesis happens in chloroplasts, where light energy is turned into sugar"
            + " and oxygen is released into the air.";

    @TempDir
    Path work;

    /** Reads pages as the service does (rendered at 300 dpi, Tesseract's CLI), and remembers which. */
    private final class RecordingOcr implements PageOcr {
        final List<Integer> pagesRead = new ArrayList<>();
        private final Duration timeout;

        RecordingOcr(Duration timeout) {
            this.timeout = timeout;
        }

        @Override
        public String unavailableReason() {
            return null;
        }

        @Override
        public double minCharsPerSquareInch() {
            return 2;
        }

        @Override
        public Page read(PDDocument pdf, int pageIndex) {
            pagesRead.add(pageIndex + 1);
            try {
                Path directory = Files.createTempDirectory(work, "page");
                PageImages.Rendered rendered = PageImages.render(pdf, pageIndex, 300, 25_000_000, 60_000_000);
                Path image = directory.resolve("page.pgm");
                PageImages.writePgm(rendered.image(), image);
                OcrResult result = new TesseractCli("tesseract", "eng").recognise(image, rendered.dpi(), directory,
                        timeout);
                return new Page(result.text(), result.meanConfidence());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (TesseractCli.TimedOut e) {
                throw new ProcessingLimitException(dev.lectavera.document.model.FailureCode.TOOK_TOO_LONG,
                        e.getMessage());
            }
        }
    }

    private Path write(byte[] pdf) throws IOException {
        Path file = Files.createTempFile(work, "doc", ".pdf");
        Files.write(file, pdf);
        return file;
    }

    @Test
    void everyPageOfAScanIsReadByOcr() throws Exception {
        RecordingOcr ocr = new RecordingOcr(Duration.ofSeconds(60));
        ExtractedDocument document = PdfTextExtractor.extract(
                write(ScannedPdfs.scan(TestPdfs.pages(PAGE_1, PAGE_2, PAGE_3), 150)), ExtractionLimits.DEFAULTS,
                Deadline.none(), page -> { }, ocr);
        assertEquals(List.of(1, 2, 3), ocr.pagesRead);
        assertEquals(3, document.ocrPages());
        assertTrue(document.pages().get(1).contains("Mitochondria produce ATP through oxidative phosphorylation."),
                document.pages().get(1));
        assertTrue(document.pages().get(0).startsWith("Cell Biology Basics\n\n"), "paragraphs kept: "
                + document.pages().get(0));
        for (ExtractedDocument.PageSource source : document.sources()) {
            assertEquals("ocr", source.kind());
            assertTrue(source.confidence() > 80, "confidence " + source.confidence());
        }
        assertEquals(document.pages().get(1), PdfTextExtractor.normalize(document.pages().get(1)), "stored normalised");
    }

    @Test
    void aMixedDocumentReadsOnlyItsScannedPageByOcr() throws Exception {
        RecordingOcr ocr = new RecordingOcr(Duration.ofSeconds(60));
        ExtractedDocument document = PdfTextExtractor.extract(
                write(ScannedPdfs.scanPages(TestPdfs.pages(PAGE_1, PAGE_2, PAGE_3), 150, Set.of(2))),
                ExtractionLimits.DEFAULTS, Deadline.none(), page -> { }, ocr);
        assertEquals(List.of(2), ocr.pagesRead);
        assertEquals(List.of("text", "ocr", "text"), document.sources().stream()
                .map(ExtractedDocument.PageSource::kind).toList());
        assertNull(document.sources().getFirst().confidence());
        assertTrue(document.pages().get(1).contains("powerhouse of the cell"), document.pages().get(1));
    }

    @Test
    void aTextPdfIsNeverReadByOcr() throws Exception {
        RecordingOcr ocr = new RecordingOcr(Duration.ofSeconds(60));
        ExtractedDocument document = PdfTextExtractor.extract(write(TestPdfs.pages(PAGE_1, PAGE_2, PAGE_3)),
                ExtractionLimits.DEFAULTS, Deadline.none(), page -> { }, ocr);
        assertEquals(List.of(), ocr.pagesRead);
        assertEquals(0, document.ocrPages());
    }

    @Test
    void picturesWithoutLegibleTextFailAsNoText() throws Exception {
        UnreadableDocumentException e = assertThrows(UnreadableDocumentException.class,
                () -> PdfTextExtractor.extract(write(TestPdfs.imageOnly(2)), ExtractionLimits.DEFAULTS,
                        Deadline.none(), page -> { }, new RecordingOcr(Duration.ofSeconds(60))));
        assertEquals(dev.lectavera.document.model.FailureCode.NO_TEXT, e.code());
        assertEquals(PdfTextExtractor.NOTHING_RECOGNISED, e.reason());
    }

    @Test
    void withoutOcrAScanStillNeedsOcr() throws Exception {
        UnreadableDocumentException e = assertThrows(UnreadableDocumentException.class,
                () -> PdfTextExtractor.extract(write(ScannedPdfs.scan(TestPdfs.pages(PAGE_1), 150)),
                        ExtractionLimits.DEFAULTS, Deadline.none(), page -> { }));
        assertEquals(dev.lectavera.document.model.FailureCode.IMAGES_ONLY, e.code());
    }
}

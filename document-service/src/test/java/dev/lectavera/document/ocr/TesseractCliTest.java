package dev.lectavera.document.ocr;

import dev.lectavera.document.support.TestPdfs;
import dev.lectavera.testsupport.pdf.ScannedPdfs;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Tesseract installed by dev/stack, run as the service runs it. */
class TesseractCliTest {

    private static final String SENTENCE = "Mitochondria produce ATP through oxidative phosphorylation in the inner"
            + " membrane of the cell.";

    @TempDir
    Path work;

    @Test
    void theInstalledTesseractHasEnglish() {
        TesseractCli.Probe probe = new TesseractCli("tesseract", "eng").probe(work, Duration.ofSeconds(15));
        assertTrue(probe.available(), String.valueOf(probe.problem()));
        assertTrue(probe.version().startsWith("tesseract"), probe.version());
    }

    @Test
    void aMissingProgramOrLanguageIsReportedWithItsReason() {
        TesseractCli.Probe missing = new TesseractCli("/nonexistent/tesseract", "eng").probe(work,
                Duration.ofSeconds(15));
        assertFalse(missing.available());
        assertEquals("the OCR program (/nonexistent/tesseract) is not installed", missing.problem());

        TesseractCli.Probe language = new TesseractCli("tesseract", "eng+xyz").probe(work, Duration.ofSeconds(15));
        assertFalse(language.available());
        assertTrue(language.problem().contains("xyz"), language.problem());
    }

    @Test
    void aRenderedScanIsReadWithItsConfidence() throws Exception {
        Path image = renderedScan();
        OcrResult result = new TesseractCli("tesseract", "eng").recognise(image, 300, work, Duration.ofSeconds(60));
        assertTrue(result.text().contains("Mitochondria produce ATP"), result.text());
        assertNotNull(result.meanConfidence());
        assertTrue(result.meanConfidence() > 70, "confidence " + result.meanConfidence());
        assertEquals(13, result.words(), result.text());
    }

    @Test
    void aRecognitionPastItsTimeoutIsKilled() throws Exception {
        Path image = renderedScan();
        assertThrows(TesseractCli.TimedOut.class,
                () -> new TesseractCli("tesseract", "eng").recognise(image, 300, work, Duration.ofMillis(20)));
        assertEquals(0, ProcessHandle.current().descendants().filter(p -> p.isAlive()
                && p.info().command().orElse("").contains("tesseract")).count(), "no Tesseract left running");
    }

    private Path renderedScan() throws Exception {
        byte[] scan = ScannedPdfs.scan(TestPdfs.pages(SENTENCE), 150);
        try (PDDocument pdf = Loader.loadPDF(scan)) {
            PageImages.Rendered rendered = PageImages.render(pdf, 0, 300, 25_000_000, 60_000_000);
            assertEquals(300, rendered.dpi());
            Path image = work.resolve("page.pgm");
            PageImages.writePgm(rendered.image(), image);
            assertTrue(Files.size(image) > 2480L * 3500, "an A4 page at 300 dpi, one byte per pixel");
            return image;
        }
    }
}

package dev.lectavera.document.ocr;

import dev.lectavera.document.ingest.ProcessingLimitException;
import dev.lectavera.document.model.FailureCode;
import dev.lectavera.document.support.TestPdfs;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Rendering for OCR is bounded by pixels, whatever the page or its pictures declare. */
class PageImagesTest {

    @Test
    void aHugePageIsRenderedAtALowerResolutionWithinThePixelCap() throws Exception {
        try (PDDocument pdf = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            pdf.addPage(new PDPage(new PDRectangle(72 * 40, 72 * 40))); // 40 x 40 inches
            pdf.save(out);
            try (PDDocument loaded = Loader.loadPDF(out.toByteArray())) {
                PageImages.Rendered rendered = PageImages.render(loaded, 0, 300, 4_000_000, 60_000_000);
                assertEquals(50, rendered.dpi());
                assertTrue((long) rendered.image().getWidth() * rendered.image().getHeight() <= 4_000_000);
            }
        }
    }

    @Test
    void aPictureDeclaringTooManyPixelsIsRefusedBeforeItIsDecoded() throws Exception {
        try (PDDocument pdf = Loader.loadPDF(TestPdfs.imageOnly(1))) {
            // the test picture is 120 x 80 = 9,600 pixels
            ProcessingLimitException e = assertThrows(ProcessingLimitException.class,
                    () -> PageImages.render(pdf, 0, 300, 25_000_000, 9_000));
            assertEquals(FailureCode.CONTENT_TOO_LARGE, e.code());
            assertTrue(e.getMessage().contains("120 x 80"), e.getMessage());
        }
    }

    @Test
    void aPictureInflatingPastItsDeclaredSizeIsRefusedBeforePdfBoxDecodesIt() throws Exception {
        try (PDDocument pdf = Loader.loadPDF(TestPdfs.imageLargerThanDeclared(8L * 1024 * 1024))) {
            ProcessingLimitException e = assertThrows(ProcessingLimitException.class,
                    () -> PageImages.render(pdf, 0, 300, 25_000_000, 40_000_000));
            assertEquals(FailureCode.CONTENT_TOO_LARGE, e.code());
        }
    }
}

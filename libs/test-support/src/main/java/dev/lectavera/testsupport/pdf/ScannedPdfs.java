package dev.lectavera.testsupport.pdf;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.CCITTFactory;
import org.apache.pdfbox.pdmodel.graphics.image.JPEGFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Set;
import java.util.function.IntPredicate;

/**
 * Scans made from PDFs the tests write: each chosen page is rendered to a picture (as a scanner would see it) and
 * placed over the whole page, with no text layer left — grayscale JPEG, or black and white CCITT G4 as office
 * copiers store it (a tenth of the size). What OCR has to read.
 */
public final class ScannedPdfs {

    private static final float JPEG_QUALITY = 0.8f;

    private ScannedPdfs() {
    }

    /** Every page of {@code pdf} scanned in grayscale at {@code dpi}. */
    public static byte[] scan(byte[] pdf, int dpi) {
        return scan(pdf, dpi, page -> true, false);
    }

    /** Every page of {@code pdf} scanned in black and white at {@code dpi}. */
    public static byte[] scanBlackAndWhite(byte[] pdf, int dpi) {
        return scan(pdf, dpi, page -> true, true);
    }

    /** The pages numbered in {@code scannedPages} (1-based) scanned at {@code dpi}; the others keep their text. */
    public static byte[] scanPages(byte[] pdf, int dpi, Set<Integer> scannedPages) {
        return scan(pdf, dpi, page -> scannedPages.contains(page), false);
    }

    private static byte[] scan(byte[] pdf, int dpi, IntPredicate scanned, boolean blackAndWhite) {
        try (PDDocument source = Loader.loadPDF(pdf); PDDocument target = new PDDocument();
             ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDFRenderer renderer = new PDFRenderer(source);
            for (int i = 0; i < source.getNumberOfPages(); i++) {
                PDPage original = source.getPage(i);
                if (!scanned.test(i + 1)) {
                    target.importPage(original);
                    continue;
                }
                PDRectangle box = original.getMediaBox();
                BufferedImage picture = renderer.renderImageWithDPI(i, dpi,
                        blackAndWhite ? ImageType.BINARY : ImageType.GRAY);
                PDImageXObject image = blackAndWhite ? CCITTFactory.createFromImage(target, picture)
                        : JPEGFactory.createFromImage(target, picture, JPEG_QUALITY, dpi);
                PDPage page = new PDPage(new PDRectangle(box.getWidth(), box.getHeight()));
                target.addPage(page);
                try (PDPageContentStream content = new PDPageContentStream(target, page)) {
                    content.drawImage(image, 0, 0, box.getWidth(), box.getHeight());
                }
            }
            target.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

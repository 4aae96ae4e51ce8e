package dev.lectavera.document.ocr;

import dev.lectavera.document.ingest.ProcessingLimitException;
import dev.lectavera.document.model.FailureCode;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

import java.awt.image.BufferedImage;
import java.awt.image.ComponentSampleModel;
import java.awt.image.DataBufferByte;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * A page as a grayscale picture for recognition, bounded: the pictures a page shows are checked from their
 * dictionaries before anything is decoded, large ones are decoded subsampled, and the rendered page never has more
 * than {@code maxPagePixels} pixels whatever its size (the resolution is lowered instead).
 */
public final class PageImages {

    /** A rendered page and the resolution it was rendered at. */
    public record Rendered(BufferedImage image, int dpi) {
    }

    private static final float POINTS_PER_INCH = 72;
    private static final int MIN_DPI = 50;

    private PageImages() {
    }

    public static Rendered render(PDDocument pdf, int pageIndex, int dpi, long maxPagePixels, long maxImagePixels)
            throws IOException {
        PDPage page = pdf.getPage(pageIndex);
        checkPictures(page.getResources(), pageIndex + 1, maxImagePixels, 0);
        PDRectangle box = page.getCropBox();
        double squareInches = (double) box.getWidth() * box.getHeight() / (POINTS_PER_INCH * POINTS_PER_INCH);
        int fitting = (int) Math.floor(Math.sqrt(maxPagePixels / Math.max(squareInches, 1e-6)));
        int effectiveDpi = Math.max(MIN_DPI, Math.min(dpi, fitting));
        if (squareInches * effectiveDpi * effectiveDpi > maxPagePixels) {
            throw new ProcessingLimitException(FailureCode.CONTENT_TOO_LARGE, String.format(Locale.ROOT,
                    "Page %d is too large (%.0f x %.0f inches) to be read as a scanned page.", pageIndex + 1,
                    box.getWidth() / POINTS_PER_INCH, box.getHeight() / POINTS_PER_INCH));
        }
        PDFRenderer renderer = new PDFRenderer(pdf);
        renderer.setSubsamplingAllowed(true); // a picture larger than the page needs is read at the size it needs
        return new Rendered(renderer.renderImageWithDPI(pageIndex, effectiveDpi, ImageType.GRAY), effectiveDpi);
    }

    /** Writes a gray image as binary PGM: no compression to spend time on, and Tesseract (Leptonica) reads it. */
    public static void writePgm(BufferedImage gray, Path file) throws IOException {
        if (gray.getType() != BufferedImage.TYPE_BYTE_GRAY) {
            throw new IllegalArgumentException("not an 8-bit gray image: " + gray.getType());
        }
        int width = gray.getWidth();
        int height = gray.getHeight();
        byte[] pixels = ((DataBufferByte) gray.getRaster().getDataBuffer()).getData();
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            out.write(("P5\n" + width + " " + height + "\n255\n").getBytes(StandardCharsets.US_ASCII));
            int stride = gray.getRaster().getSampleModel() instanceof ComponentSampleModel model
                    ? model.getScanlineStride() : width;
            for (int y = 0; y < height; y++) {
                out.write(pixels, y * stride, width);
            }
        }
    }

    /** Refuses a page whose pictures declare more pixels than allowed (read from dictionaries, nothing decoded). */
    private static void checkPictures(PDResources resources, int pageNumber, long maxImagePixels, int depth)
            throws IOException {
        if (resources == null || depth > 3) {
            return;
        }
        for (COSName name : resources.getXObjectNames()) {
            if (resources.isImageXObject(name)) {
                COSDictionary xObjects = resources.getCOSObject().getCOSDictionary(COSName.XOBJECT);
                COSBase picture = xObjects == null ? null : xObjects.getDictionaryObject(name);
                long width = picture instanceof COSDictionary d ? Math.max(0, d.getLong(COSName.WIDTH)) : 0;
                long height = picture instanceof COSDictionary d ? Math.max(0, d.getLong(COSName.HEIGHT)) : 0;
                if (width * height > maxImagePixels) {
                    throw new ProcessingLimitException(FailureCode.CONTENT_TOO_LARGE, String.format(Locale.ROOT,
                            "Page %d shows a picture of %,d x %,d pixels, more than a scanned page needs, so it"
                                    + " was not read.", pageNumber, width, height));
                }
            } else {
                PDXObject xObject = resources.getXObject(name);
                if (xObject instanceof PDFormXObject form) {
                    checkPictures(form.getResources(), pageNumber, maxImagePixels, depth + 1);
                }
            }
        }
    }
}

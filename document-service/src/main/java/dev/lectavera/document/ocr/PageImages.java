package dev.lectavera.document.ocr;

import dev.lectavera.document.ingest.DecodedSize;
import dev.lectavera.document.ingest.Deadline;
import dev.lectavera.document.ingest.ProcessingLimitException;
import dev.lectavera.document.model.FailureCode;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
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
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

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
    /** CMYK: the most colour components a picture has (DeviceN aside). */
    private static final int MAX_COMPONENTS = 4;
    private static final long SLACK_BYTES = 64 * 1024;
    /** Codecs that decode to a picture, not to bytes: measured by their headers or left to PDFBox. */
    private static final Set<COSName> IMAGE_CODECS = Set.of(COSName.DCT_DECODE, COSName.DCT_DECODE_ABBREVIATION,
            COSName.JPX_DECODE, COSName.CCITTFAX_DECODE, COSName.CCITTFAX_DECODE_ABBREVIATION, COSName.JBIG2_DECODE);

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

    /**
     * A picture is decoded whole into memory when rendered: refused when it declares more pixels than allowed, when
     * a JPEG's own header does (the decoder sizes its buffer from it, not from the dictionary), or when its
     * compressed data inflates to more than its declared size.
     */
    private static void checkPicture(COSStream picture, int pageNumber, long maxImagePixels) {
        long width = Math.max(0, picture.getLong(COSName.WIDTH));
        long height = Math.max(0, picture.getLong(COSName.HEIGHT));
        if (width * height > maxImagePixels) {
            throw tooManyPixels(pageNumber, width, height);
        }
        List<COSName> filters = DecodedSize.filterNames(picture.getFilters());
        if (filters.contains(COSName.DCT_DECODE) || filters.contains(COSName.DCT_DECODE_ABBREVIATION)) {
            long[] size = jpegSize(picture);
            if (size[0] * size[1] > maxImagePixels) {
                throw tooManyPixels(pageNumber, size[0], size[1]);
            }
        } else if (!filters.isEmpty() && filters.stream().noneMatch(IMAGE_CODECS::contains)) {
            int bitsPerComponent = Math.clamp(picture.getInt(COSName.BITS_PER_COMPONENT, 8), 1, 16);
            long declaredBytes = (width * MAX_COMPONENTS * bitsPerComponent + 7) / 8 * height;
            DecodedSize.measure(picture, filters, declaredBytes + SLACK_BYTES, Deadline.none());
        }
    }

    /** Width and height from a JPEG's header ({0, 0} when it cannot be read: PDFBox will not draw it either). */
    private static long[] jpegSize(COSStream picture) {
        try (InputStream in = picture.createRawInputStream();
             ImageInputStream header = ImageIO.createImageInputStream(in)) {
            Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName("jpeg");
            if (header == null || !readers.hasNext()) {
                return new long[] {0, 0};
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(header, true, true);
                return new long[] {reader.getWidth(0), reader.getHeight(0)};
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            return new long[] {0, 0};
        }
    }

    private static ProcessingLimitException tooManyPixels(int pageNumber, long width, long height) {
        return new ProcessingLimitException(FailureCode.CONTENT_TOO_LARGE, String.format(Locale.ROOT,
                "Page %d shows a picture of %,d x %,d pixels, more than a scanned page needs, so it was not read.",
                pageNumber, width, height));
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
                if (xObjects != null && xObjects.getDictionaryObject(name) instanceof COSStream picture) {
                    checkPicture(picture, pageNumber, maxImagePixels);
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

package dev.lectavera.document.ingest;

import dev.lectavera.document.model.DocumentStatus;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.io.MemoryUsageSetting;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.text.PDFTextStripper;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;
import java.util.regex.Pattern;

/**
 * Text, title and author of a PDF with PDFBox, page by page in one pass. Big files are parsed with a bounded
 * heap share: decoded streams beyond {@link #MAIN_MEMORY_BYTES} spill to temporary files.
 */
public final class PdfTextExtractor {

    static final String PASSWORD_PROTECTED = "The PDF is password-protected. Remove the password and upload it again.";
    static final String TRUNCATED = "The file is incomplete (it ends before the PDF does), probably cut off during"
            + " a download or copy. Upload the complete file again.";
    static final String DAMAGED = "The file is damaged and cannot be read as a PDF. Try re-exporting or re-saving it"
            + " as PDF and upload it again.";
    static final String NO_PAGES = "The PDF has no pages.";
    static final String NO_TEXT = "The PDF contains no text to index.";
    static final String IMAGES_ONLY = "The PDF contains only images (probably scanned pages) and no text. Text"
            + " recognition (OCR) is not supported yet: upload a PDF with selectable text.";

    private static final long MAIN_MEMORY_BYTES = 32L * 1024 * 1024;
    /** PDF readers accept %%EOF followed by a little junk; a file without it near its end was cut short. */
    private static final int EOF_MARKER_WINDOW = 2048;
    private static final int MAX_TITLE_LENGTH = 200;
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}&&[^\n\t]]|[\\x{FFFD}\\x{FEFF}]");
    private static final Pattern HORIZONTAL_SPACE = Pattern.compile("[\\t\\x{00A0}\\x{2000}-\\x{200A}\\x{3000} ]+");
    private static final Pattern SPACE_BEFORE_NEWLINE = Pattern.compile(" +\n");
    private static final Pattern SPACE_AFTER_NEWLINE = Pattern.compile("\n +");
    private static final Pattern MANY_NEWLINES = Pattern.compile("\n{3,}");

    private PdfTextExtractor() {
    }

    /**
     * @param onPage called with the 1-based number of every page extracted (progress); may throw
     *               {@link LeaseLostException} to stop
     * @throws UnreadableDocumentException encrypted, truncated, damaged, empty or image-only files
     */
    public static ExtractedDocument extract(Path file, IntConsumer onPage) throws UnreadableDocumentException {
        requireEndOfFileMarker(file);
        try (PDDocument pdf = Loader.loadPDF(file.toFile(), "",
                MemoryUsageSetting.setupMixed(MAIN_MEMORY_BYTES).streamCache)) {
            int pageCount = pdf.getNumberOfPages();
            if (pageCount == 0) {
                throw new UnreadableDocumentException(DocumentStatus.FAILED, NO_PAGES);
            }
            List<String> pages = extractPages(pdf, onPage);
            if (pages.stream().allMatch(String::isEmpty)) {
                boolean images = false;
                for (PDPage page : pdf.getPages()) {
                    if (hasImages(page.getResources(), 0)) {
                        images = true;
                        break;
                    }
                }
                throw images ? new UnreadableDocumentException(DocumentStatus.NEEDS_OCR, IMAGES_ONLY, pageCount)
                        : new UnreadableDocumentException(DocumentStatus.FAILED, NO_TEXT, pageCount);
            }
            PDDocumentInformation info = pdf.getDocumentInformation();
            return new ExtractedDocument(List.copyOf(pages), cleanMetadata(info.getTitle()),
                    cleanMetadata(info.getAuthor()));
        } catch (InvalidPasswordException e) {
            throw new UnreadableDocumentException(DocumentStatus.FAILED, PASSWORD_PROTECTED);
        } catch (LeaseLostException e) {
            throw e; // from the progress callback: not the file's fault
        } catch (IOException | RuntimeException e) {
            // PDFBox reports broken structure as IOException and, for some malformed objects, runtime exceptions
            throw new UnreadableDocumentException(DAMAGED, e);
        }
    }

    private static List<String> extractPages(PDDocument pdf, IntConsumer onPage) throws IOException {
        List<String> pages = new ArrayList<>(pdf.getNumberOfPages());
        StringWriter buffer = new StringWriter();
        PDFTextStripper stripper = new PDFTextStripper() {
            @Override
            protected void endPage(PDPage page) throws IOException {
                super.endPage(page);
                pages.add(normalize(buffer.toString()));
                buffer.getBuffer().setLength(0);
                onPage.accept(pages.size());
            }
        };
        stripper.setLineSeparator("\n");
        stripper.setParagraphEnd("\n"); // a blank line between paragraphs: the chunker's paragraph boundary
        stripper.setPageEnd("");
        stripper.writeText(pdf, buffer);
        return pages;
    }

    private static void requireEndOfFileMarker(Path file) throws UnreadableDocumentException {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
            long length = raf.length();
            int window = (int) Math.min(length, EOF_MARKER_WINDOW);
            byte[] tail = new byte[window];
            raf.seek(length - window);
            raf.readFully(tail);
            if (!new String(tail, StandardCharsets.ISO_8859_1).contains("%%EOF")) {
                throw new UnreadableDocumentException(DocumentStatus.FAILED, TRUNCATED);
            }
        } catch (IOException e) {
            throw new UnreadableDocumentException(DAMAGED, e);
        }
    }

    private static boolean hasImages(PDResources resources, int depth) throws IOException {
        if (resources == null || depth > 3) {
            return false;
        }
        for (COSName name : resources.getXObjectNames()) {
            PDXObject xObject = resources.getXObject(name);
            if (xObject instanceof PDImageXObject) {
                return true;
            }
            if (xObject instanceof PDFormXObject form && hasImages(form.getResources(), depth + 1)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The stored form of a page's text: no control characters, single spaces, no blanks around line breaks, at
     * most one empty line in a row (a paragraph break), trimmed.
     */
    static String normalize(String raw) {
        String text = raw.replace("\r\n", "\n").replace('\r', '\n');
        text = CONTROL.matcher(text).replaceAll("");
        text = HORIZONTAL_SPACE.matcher(text).replaceAll(" ");
        text = SPACE_BEFORE_NEWLINE.matcher(text).replaceAll("\n");
        text = SPACE_AFTER_NEWLINE.matcher(text).replaceAll("\n");
        text = MANY_NEWLINES.matcher(text).replaceAll("\n\n");
        return text.strip();
    }

    private static String cleanMetadata(String value) {
        if (value == null) {
            return null;
        }
        String clean = HORIZONTAL_SPACE.matcher(CONTROL.matcher(value).replaceAll("").replace('\n', ' ')).replaceAll(" ")
                .strip();
        if (clean.isEmpty()) {
            return null;
        }
        return clean.length() > MAX_TITLE_LENGTH ? clean.substring(0, MAX_TITLE_LENGTH).strip() : clean;
    }
}

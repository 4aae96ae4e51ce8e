package dev.lectavera.document.ingest;

import dev.lectavera.document.model.FailureCode;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDocument;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSObjectKey;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.io.MemoryUsageSetting;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.apache.pdfbox.util.Matrix;
import org.apache.pdfbox.util.Vector;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.IntConsumer;
import java.util.regex.Pattern;

/**
 * Text, title and author of a PDF with PDFBox, page by page in one pass, within {@link ExtractionLimits}: the page
 * count is checked before reading; every compressed non-image stream is measured (streaming, nothing kept) before
 * PDFBox may inflate it into memory; glyphs are counted as they are shown, so a page or a document that passes its
 * character cap is stopped at once and never held whole; the page and document deadlines are checked inside the
 * same callbacks; images are never decoded for text. Breaking a limit is an {@link UnreadableDocumentException} with
 * its {@link FailureCode}, like any other unreadable file. Pages whose text layer is unusable ({@link TextLayer}) are
 * then read by {@link PageOcr}, when there is one, within the same limits.
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
    static final String NOTHING_RECOGNISED = "The PDF contains only images and text recognition (OCR) found no text"
            + " on them. If they are scanned pages, scan them again more sharply (300 dpi, straight, good contrast)"
            + " and upload the file again.";

    /** PDF readers accept %%EOF followed by a little junk; a file without it near its end was cut short. */
    private static final int EOF_MARKER_WINDOW = 2048;
    private static final int MAX_TITLE_LENGTH = 200;
    /** Glyphs or operators between two looks at the clock (System.nanoTime costs ~25 ns). */
    private static final int CLOCK_INTERVAL = 64;
    /** Image compressions: such a stream is a picture, never decoded for text. */
    private static final Set<COSName> IMAGE_FILTERS = Set.of(COSName.DCT_DECODE, COSName.DCT_DECODE_ABBREVIATION,
            COSName.JPX_DECODE, COSName.CCITTFAX_DECODE, COSName.CCITTFAX_DECODE_ABBREVIATION, COSName.JBIG2_DECODE);
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}&&[^\n\t]]|[\\x{FFFD}\\x{FEFF}]");
    private static final Pattern HORIZONTAL_SPACE = Pattern.compile("[\\t\\x{00A0}\\x{2000}-\\x{200A}\\x{3000} ]+");
    private static final Pattern SPACE_BEFORE_NEWLINE = Pattern.compile(" +\n");
    private static final Pattern SPACE_AFTER_NEWLINE = Pattern.compile("\n +");
    private static final Pattern MANY_NEWLINES = Pattern.compile("\n{3,}");
    /** Music and dingbat font families, by the start of the font's name (without its subset tag). */
    private static final Pattern PICTURE_FONT = Pattern.compile(
            "(emmentaler|feta|bravura|petaluma|leland|sebastian|gootville|finale ?(maestro|broadway|jazz|engraver|ash)"
                    + "|maestro|petrucci|opus|helsinki|reprise|sonata|musgl|zapfdingbats|dingbats|wingdings|webdings)");
    /** Rotated glyphs under 1/10 of a page's are a figure's labels or a margin note: dropped (BoundedStripper). */
    private static final int ROTATED_SHARE_DENOMINATOR = 10;
    /** What may close a sentence after its end mark, and the marks that end a sentence or a lead-in. */
    private static final String CLOSING_MARKS = ")]}\"'\u2019\u201D";
    private static final String SENTENCE_ENDS = ".!?:;";
    /** A definition list's item: a short label and a colon ("handle: Shishi library handle …", "der len: …"). */
    private static final Pattern LABELLED_ITEM = Pattern.compile("[\\w .\\-]{1,30}: ");

    private PdfTextExtractor() {
    }

    /** With the default limits, no deadline and no OCR (tools and tests). */
    public static ExtractedDocument extract(Path file, IntConsumer onPage) throws UnreadableDocumentException {
        return extract(file, ExtractionLimits.DEFAULTS, Deadline.none(), onPage);
    }

    /** Without OCR: pages keep their text layer, whatever it is. */
    public static ExtractedDocument extract(Path file, ExtractionLimits limits, Deadline deadline, IntConsumer onPage)
            throws UnreadableDocumentException {
        return extract(file, limits, deadline, onPage, PageOcr.NONE);
    }

    /**
     * @param onPage called with the 1-based number of every page extracted (progress); may throw
     *               {@link LeaseLostException} to stop
     * @param ocr    reads the pages whose text layer is unusable ({@link PageOcr#NONE}: none)
     * @throws UnreadableDocumentException encrypted, truncated, damaged, empty, image-only or over-limit files
     */
    public static ExtractedDocument extract(Path file, ExtractionLimits limits, Deadline deadline, IntConsumer onPage,
                                            PageOcr ocr) throws UnreadableDocumentException {
        requireEndOfFileMarker(file);
        Integer pageCount = null;
        // decoded streams PDFBox caches go to memory up to one cap, then to temporary files up to another
        MemoryUsageSetting memory = MemoryUsageSetting.setupMixed(limits.streamCacheMemoryBytes(),
                limits.streamCacheMemoryBytes() + limits.streamCacheTempFileBytes());
        try (PDDocument pdf = Loader.loadPDF(file.toFile(), "", memory.streamCache)) {
            pageCount = pdf.getNumberOfPages();
            if (pageCount == 0) {
                throw new UnreadableDocumentException(FailureCode.NO_PAGES, NO_PAGES);
            }
            if (pageCount > limits.maxPages()) {
                throw tooManyPages(pageCount, limits);
            }
            measureStreams(pdf, limits, deadline);
            BoundedStripper stripper = extractPages(pdf, limits, deadline, onPage);
            List<String> pages = stripper.pages;
            List<ExtractedDocument.PageSource> sources = recognise(pdf, stripper, limits, deadline, ocr);
            if (pages.stream().allMatch(String::isEmpty)) {
                if (sources.stream().anyMatch(ExtractedDocument.PageSource::ocr)) {
                    throw new UnreadableDocumentException(FailureCode.NO_TEXT, NOTHING_RECOGNISED, pageCount);
                }
                boolean images = false;
                for (PDPage page : pdf.getPages()) {
                    if (hasImages(page.getResources(), 0)) {
                        images = true;
                        break;
                    }
                }
                throw images ? new UnreadableDocumentException(FailureCode.IMAGES_ONLY, imagesOnly(ocr), pageCount)
                        : new UnreadableDocumentException(FailureCode.NO_TEXT, NO_TEXT, pageCount);
            }
            PDDocumentInformation info = pdf.getDocumentInformation();
            return new ExtractedDocument(List.copyOf(pages), cleanMetadata(info.getTitle()),
                    cleanMetadata(info.getAuthor()), List.copyOf(sources));
        } catch (InvalidPasswordException e) {
            throw new UnreadableDocumentException(FailureCode.PASSWORD_PROTECTED, PASSWORD_PROTECTED);
        } catch (ProcessingLimitException e) {
            throw e.toUnreadable(pageCount);
        } catch (LeaseLostException | OcrException e) {
            throw e; // from the progress callback or the OCR tool: not the file's fault
        } catch (IOException | RuntimeException e) {
            // PDFBox reports broken structure as IOException and, for some malformed objects, runtime exceptions
            throw new UnreadableDocumentException(FailureCode.UNREADABLE, DAMAGED, e);
        }
    }

    private static UnreadableDocumentException tooManyPages(int pageCount, ExtractionLimits limits) {
        return new UnreadableDocumentException(FailureCode.TOO_MANY_PAGES, String.format(Locale.ROOT,
                "The PDF has %,d pages; documents of up to %,d pages can be indexed. Split it into smaller files and"
                        + " upload them.", pageCount, limits.maxPages()), pageCount);
    }

    private static BoundedStripper extractPages(PDDocument pdf, ExtractionLimits limits, Deadline deadline,
                                                IntConsumer onPage) throws IOException {
        BoundedStripper stripper = new BoundedStripper(limits, deadline, onPage);
        stripper.setLineSeparator("\n");
        stripper.setParagraphEnd("\n"); // a blank line between paragraphs: the chunker's paragraph boundary
        stripper.setPageEnd("");
        stripper.writeText(pdf, stripper.buffer);
        return stripper;
    }

    /**
     * Replaces the text of every page whose text layer is unusable by what OCR reads on it (in place), within the
     * page and document character caps; without OCR every page keeps its text layer.
     */
    private static List<ExtractedDocument.PageSource> recognise(PDDocument pdf, BoundedStripper stripper,
                                                                ExtractionLimits limits, Deadline deadline,
                                                                PageOcr ocr) {
        List<String> pages = stripper.pages;
        List<ExtractedDocument.PageSource> sources = new ArrayList<>(
                Collections.nCopies(pages.size(), ExtractedDocument.PageSource.TEXT_LAYER));
        if (ocr.unavailableReason() != null) {
            return sources;
        }
        long documentChars = pages.stream().mapToLong(String::length).sum();
        for (int i = 0; i < pages.size(); i++) {
            if (!stripper.layers.get(i).needsOcr(ocr.minCharsPerSquareInch())) {
                continue;
            }
            deadline.check();
            PageOcr.Page read = ocr.read(pdf, i);
            String text = normalize(read.text());
            if (text.length() > limits.maxPageChars()) {
                throw new ProcessingLimitException(FailureCode.PAGE_TEXT_TOO_LARGE, String.format(Locale.ROOT,
                        "Text recognition found more than %,d characters on page %d, far more than a real page"
                                + " holds, so reading it was stopped.", limits.maxPageChars(), i + 1));
            }
            documentChars += text.length() - pages.get(i).length();
            if (documentChars > limits.maxDocumentChars()) {
                throw new ProcessingLimitException(FailureCode.TEXT_TOO_LARGE, String.format(Locale.ROOT,
                        "The document carries more than %,d characters of text, more than one document may hold."
                                + " Split it into smaller files and upload them.", limits.maxDocumentChars()));
            }
            pages.set(i, text);
            sources.set(i, ExtractedDocument.PageSource.ocr(read.confidence()));
        }
        return sources;
    }

    private static String imagesOnly(PageOcr ocr) {
        return ocr == PageOcr.NONE ? IMAGES_ONLY : "The PDF contains only images (probably scanned pages) and no"
                + " text, and " + ocr.unavailableReason() + ", so they cannot be read. Upload a PDF with selectable"
                + " text, or try again later.";
    }

    /**
     * PDFTextStripper keeps every glyph of a page (a TextPosition of ~300 bytes each) until the page ends: the
     * counts here stop a page as soon as it passes its cap, before it can fill the heap.
     */
    private static final class BoundedStripper extends PDFTextStripper {

        private final ExtractionLimits limits;
        private final Deadline deadline;
        private final IntConsumer onPage;
        private final StringWriter buffer = new StringWriter();
        private final List<String> pages = new ArrayList<>();
        private final List<TextLayer> layers = new ArrayList<>();
        private TextLayer.Counter layer = new TextLayer.Counter();
        private final Map<PDFont, Boolean> pictureFonts = new IdentityHashMap<>();
        private int pageGlyphs;
        private long documentGlyphs;
        private long pageStartNanos;
        private int sinceClock;

        BoundedStripper(ExtractionLimits limits, Deadline deadline, IntConsumer onPage) {
            this.limits = limits;
            this.deadline = deadline;
            this.onPage = onPage;
        }

        @Override
        protected void startPage(PDPage page) throws IOException {
            if (pages.size() >= limits.maxPages()) {
                // the page tree's /Count said fewer
                throw new ProcessingLimitException(FailureCode.TOO_MANY_PAGES, tooManyPages(pages.size() + 1, limits)
                        .reason());
            }
            pageGlyphs = 0;
            layer = new TextLayer.Counter();
            pageStartNanos = System.nanoTime();
            deadline.check();
            super.startPage(page);
        }

        @Override
        protected void processTextPosition(TextPosition text) {
            if (++pageGlyphs > limits.maxPageChars()) {
                throw pageTextTooLarge();
            }
            if (++documentGlyphs > limits.maxDocumentChars()) {
                throw new ProcessingLimitException(FailureCode.TEXT_TOO_LARGE, String.format(Locale.ROOT,
                        "The document carries more than %,d characters of text, more than one document may hold."
                                + " Split it into smaller files and upload them.", limits.maxDocumentChars()));
            }
            tick();
            layer.text(text.getUnicode());
            if (!pictureFonts.computeIfAbsent(text.getFont(), PdfTextExtractor::isPictureFont)) {
                super.processTextPosition(text);
            }
        }

        @Override
        protected void showGlyph(Matrix textRenderingMatrix, PDFont font, int code, Vector displacement)
                throws IOException {
            // counted before PDFBox looks for its Unicode mapping: glyphs without one never reach processTextPosition,
            // so a page of millions of unmapped glyphs is stopped here
            if (layer.glyphShown() > limits.maxPageChars()) {
                throw pageTextTooLarge();
            }
            tick();
            super.showGlyph(textRenderingMatrix, font, code, displacement);
        }

        private ProcessingLimitException pageTextTooLarge() {
            return new ProcessingLimitException(FailureCode.PAGE_TEXT_TOO_LARGE, String.format(Locale.ROOT,
                    "Page %d carries more than %,d characters of text, far more than a real page holds (the file"
                            + " may be generated or damaged), so reading it was stopped. Re-save the PDF or"
                            + " remove that page and upload it again.", pages.size() + 1, limits.maxPageChars()));
        }

        @Override
        protected void processOperator(Operator operator, List<COSBase> operands) throws IOException {
            tick();
            if ("Do".equals(operator.getName()) && !operands.isEmpty() && operands.getFirst() instanceof COSName name
                    && getResources() != null && getResources().isImageXObject(name)) {
                layer.picture(pictureArea());
                return; // a picture: nothing to read, never decoded
            }
            if ("BI".equals(operator.getName())) {
                layer.picture(pictureArea()); // an inline picture: its data is never decoded either
            }
            super.processOperator(operator, operands);
        }

        /** A picture fills the unit square of its transformation: its area is the matrix's determinant. */
        private double pictureArea() {
            Matrix m = getGraphicsState().getCurrentTransformationMatrix();
            return (double) m.getScaleX() * m.getScaleY() - (double) m.getShearX() * m.getShearY();
        }

        /** Page and document deadlines, looked at every few glyphs and operators. */
        private void tick() {
            if (++sinceClock < CLOCK_INTERVAL) {
                return;
            }
            sinceClock = 0;
            deadline.check();
            if (System.nanoTime() - pageStartNanos > limits.pageDeadline().toNanos()) {
                throw new ProcessingLimitException(FailureCode.TOOK_TOO_LONG, "Page " + (pages.size() + 1)
                        + " took longer than " + Durations.words(limits.pageDeadline()) + " to read, far longer than"
                        + " a real page needs, so reading the document was stopped. Re-save the PDF or remove that"
                        + " page and upload it again.");
            }
        }

        /**
         * Drops the glyphs that run in another direction than the page's text when they are few: a chart's rotated
         * axis label ("Sample Quantiles", its tick values) or a paper's sideways margin note would otherwise come
         * out as a column of two-letter lines in the middle of a paragraph. A page whose rotated text is a real
         * share of it (a landscape table) keeps everything.
         */
        @Override
        protected void writePage() throws IOException {
            Map<Float, Integer> byDirection = new HashMap<>();
            int glyphs = 0;
            for (List<TextPosition> article : charactersByArticle) {
                for (TextPosition glyph : article) {
                    byDirection.merge(glyph.getDir(), 1, Integer::sum);
                    glyphs++;
                }
            }
            if (byDirection.size() > 1) {
                float main = Collections.max(byDirection.entrySet(), Map.Entry.comparingByValue()).getKey();
                int others = glyphs - byDirection.get(main);
                if (others * ROTATED_SHARE_DENOMINATOR < glyphs) {
                    for (List<TextPosition> article : charactersByArticle) {
                        article.removeIf(glyph -> glyph.getDir() != main);
                    }
                }
            }
            super.writePage();
        }

        @Override
        protected void endPage(PDPage page) throws IOException {
            super.endPage(page);
            pages.add(normalize(buffer.toString()));
            PDRectangle box = page.getCropBox();
            layers.add(layer.page((double) box.getWidth() * box.getHeight()));
            buffer.getBuffer().setLength(0);
            onPage.accept(pages.size());
        }
    }

    /**
     * PDFBox 3 inflates a stream wholly into the heap when it reads it (content, forms, fonts), whatever the
     * stream cache says: each compressed non-image stream is first inflated here into a counter, which stops at
     * {@link ExtractionLimits#maxDecodedStreamBytes()}, so a compression bomb is refused before PDFBox sees it.
     */
    private static void measureStreams(PDDocument pdf, ExtractionLimits limits, Deadline deadline) {
        COSDocument cos = pdf.getDocument();
        for (COSObjectKey key : new ArrayList<>(cos.getXrefTable().keySet())) {
            COSObject object = cos.getObjectFromPool(key);
            if (object != null && object.getObject() instanceof COSStream stream) {
                measure(stream, limits.maxDecodedStreamBytes(), deadline);
            }
        }
    }

    private static void measure(COSStream stream, long cap, Deadline deadline) {
        List<COSName> filters = DecodedSize.filterNames(stream.getFilters());
        if (filters.isEmpty() || COSName.IMAGE.equals(stream.getCOSName(COSName.SUBTYPE))
                || filters.stream().anyMatch(IMAGE_FILTERS::contains)) {
            return; // stored as is (no bigger than the file), or a picture
        }
        DecodedSize.measure(stream, filters, cap, deadline);
    }

    private static void requireEndOfFileMarker(Path file) throws UnreadableDocumentException {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
            long length = raf.length();
            int window = (int) Math.min(length, EOF_MARKER_WINDOW);
            byte[] tail = new byte[window];
            raf.seek(length - window);
            raf.readFully(tail);
            if (!new String(tail, StandardCharsets.ISO_8859_1).contains("%%EOF")) {
                throw new UnreadableDocumentException(FailureCode.TRUNCATED, TRUNCATED);
            }
        } catch (IOException e) {
            throw new UnreadableDocumentException(FailureCode.UNREADABLE, DAMAGED, e);
        }
    }

    private static boolean hasImages(PDResources resources, int depth) throws IOException {
        if (resources == null || depth > 3) {
            return false;
        }
        for (COSName name : resources.getXObjectNames()) {
            if (resources.isImageXObject(name)) {
                return true; // from its dictionary: the picture itself is never decoded
            }
            if (resources.getXObject(name) instanceof PDFormXObject form && hasImages(form.getResources(), depth + 1)) {
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
        return joinBrokenParagraphs(text.strip());
    }

    /**
     * PDFTextStripper starts a paragraph where the gap to the next line looks tall, which it also does in the middle
     * of a sentence when a line ends in another font (a function name in a monospace font: "… functions pmax",
     * blank line, "and pmin return …"). Such a blank line becomes a plain line break, so sentences, chunks and quotes
     * keep the sentence whole: the line before it runs (nearly) to the page's usual line length and ends no sentence,
     * and the line after it goes on in lower case. Lists and listings stay as they are: their lines are short, or
     * are contents lines (dot leaders), or the next line starts a labelled item ("handle: …").
     */
    static String joinBrokenParagraphs(String text) {
        int fullLine = -1; // the page's usual full line length, measured only when needed
        StringBuilder joined = null;
        int copied = 0;
        for (int at = text.indexOf("\n\n"); at >= 0; at = text.indexOf("\n\n", at + 2)) {
            if (at == 0 || at + 2 >= text.length() || !Character.isLowerCase(text.charAt(at + 2))
                    || endsASentence(text, at)) {
                continue;
            }
            if (fullLine < 0) {
                fullLine = usualFullLineLength(text);
            }
            String line = text.substring(text.lastIndexOf('\n', at - 1) + 1, at);
            int nextEnd = text.indexOf('\n', at + 2);
            String next = text.substring(at + 2, nextEnd < 0 ? text.length() : nextEnd);
            if (line.length() * 4 < fullLine * 3 || line.contains(". . .") || LABELLED_ITEM.matcher(next).lookingAt()) {
                continue;
            }
            if (joined == null) {
                joined = new StringBuilder(text.length());
            }
            joined.append(text, copied, at + 1); // keep one of the two line breaks
            copied = at + 2;
        }
        return joined == null ? text : joined.append(text, copied, text.length()).toString();
    }

    /** The length of the page's long lines (the 90th percentile), which a wrapped line of running text reaches. */
    private static int usualFullLineLength(String text) {
        List<Integer> lengths = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (!line.isBlank()) {
                lengths.add(line.length());
            }
        }
        Collections.sort(lengths);
        return lengths.get((int) (0.9 * (lengths.size() - 1)));
    }

    /** Whether the line ending at {@code end} ends a sentence or a lead-in: . ! ? : ; before any closing marks. */
    private static boolean endsASentence(String text, int end) {
        int i = end - 1;
        while (i >= 0 && CLOSING_MARKS.indexOf(text.charAt(i)) >= 0) {
            i--;
        }
        return i >= 0 && SENTENCE_ENDS.indexOf(text.charAt(i)) >= 0;
    }

    /**
     * A font whose glyphs are pictures, not letters: music notation (LilyPond's Emmentaler, the SMuFL fonts, Finale's
     * and Sibelius' music fonts) and dingbats. PDFBox maps their glyphs to whatever letters their codes happen to
     * be, so a LilyPond manual's every music example came out as lines of "h hh Th hUhh" among the paragraphs. Their
     * glyphs still count against the limits and for the text-layer check; they are left out of the text.
     */
    static boolean isPictureFont(PDFont font) {
        String name = font.getName();
        if (name == null) {
            return false;
        }
        int subset = name.indexOf('+');
        String base = (subset == 6 ? name.substring(7) : name).toLowerCase(Locale.ROOT);
        return PICTURE_FONT.matcher(base).lookingAt() && !base.contains("text");
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

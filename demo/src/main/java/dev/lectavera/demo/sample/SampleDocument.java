package dev.lectavera.demo.sample;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The sample study document LectaVera ships: "The Water Cycle", a ten-page study guide. The text (resource
 * {@code sample/water-cycle.md}) was written for this project in our own words, so the project owns it and
 * ships it under its own licence. It is rendered here into a real PDF (Helvetica, word-wrapped, a heading per
 * page, page numbers), the way a student's lecture notes would arrive.
 *
 * <p>The text is written for the offline pipeline: many "X is the ..." definitions, numbers with units and
 * named terms, so the extractive answerer quotes whole facts and the offline quiz generator finds cloze,
 * true/false and definition questions. Facts the demo and the system test ask about live on one page each.
 */
public final class SampleDocument {

    public static final String TITLE = "The Water Cycle";
    public static final String FILE_NAME = "water-cycle.pdf";
    private static final String RESOURCE = "/sample/water-cycle.md";

    /** A question the demo asks, the page whose text answers it, and a term the answer must contain. */
    public record SampleQuestion(String question, int page, String expectedTerm) {
    }

    /** Three questions, each answered by a sentence found on exactly one page of the guide. */
    public static final List<SampleQuestion> QUESTIONS = List.of(
            new SampleQuestion("What is transpiration?", 4, "stomata"),
            new SampleQuestion("What percent of the water on Earth do the oceans hold?", 2, "97 percent"),
            new SampleQuestion("How long does a water molecule stay in the atmosphere?", 7, "9 days"));

    /** One page: its heading and its paragraphs. */
    public record Page(int number, String heading, List<String> paragraphs) {
    }

    private static final float MARGIN = 72;
    private static final float BODY_SIZE = 11;
    private static final float BODY_LEADING = 15.5f;
    private static final float HEADING_SIZE = 16;
    private static final float TITLE_SIZE = 10;
    private static final float FOOTER_SIZE = 9;

    private SampleDocument() {
    }

    /** The pages of the guide, parsed from the resource. */
    public static List<Page> pages() {
        try (InputStream in = SampleDocument.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Page> parse(String markdown) {
        String text = markdown.replaceAll("(?s)<!--.*?-->", "");
        List<Page> pages = new ArrayList<>();
        String heading = null;
        List<String> paragraphs = new ArrayList<>();
        StringBuilder paragraph = new StringBuilder();
        for (String line : (text + "\n").split("\n", -1)) {
            String trimmed = line.strip();
            if (trimmed.startsWith("# ") || trimmed.isEmpty()) {
                if (!paragraph.isEmpty()) {
                    paragraphs.add(paragraph.toString());
                    paragraph.setLength(0);
                }
                if (trimmed.startsWith("# ")) {
                    if (heading != null) {
                        pages.add(new Page(pages.size() + 1, heading, List.copyOf(paragraphs)));
                    }
                    heading = trimmed.substring(2).strip();
                    paragraphs.clear();
                }
            } else {
                paragraph.append(paragraph.isEmpty() ? "" : " ").append(trimmed);
            }
        }
        if (heading != null) {
            pages.add(new Page(pages.size() + 1, heading, List.copyOf(paragraphs)));
        }
        return List.copyOf(pages);
    }

    /** The guide as PDF bytes. */
    public static byte[] pdf() {
        List<Page> pages = pages();
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDDocumentInformation info = document.getDocumentInformation();
            info.setTitle(TITLE);
            info.setAuthor("LectaVera");
            info.setSubject("A study guide for the LectaVera demo");
            PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
            for (Page page : pages) {
                renderPage(document, page, pages.size(), regular, bold);
            }
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes the guide to {@code target} (parent directories created) and returns the path. */
    public static Path writePdf(Path target) throws IOException {
        Path parent = target.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.write(target, pdf());
        return target;
    }

    private static void renderPage(PDDocument document, Page page, int pageCount, PDType1Font regular,
                                   PDType1Font bold) throws IOException {
        PDPage pdfPage = new PDPage(PDRectangle.LETTER);
        document.addPage(pdfPage);
        float width = pdfPage.getMediaBox().getWidth();
        float height = pdfPage.getMediaBox().getHeight();
        float textWidth = width - 2 * MARGIN;
        try (PDPageContentStream content = new PDPageContentStream(document, pdfPage)) {
            float y = height - MARGIN;
            if (page.number() == 1) {
                y = line(content, regular, TITLE_SIZE, MARGIN, y, "A LectaVera study guide: " + TITLE);
                y -= 24;
            }
            y = line(content, bold, HEADING_SIZE, MARGIN, y, page.heading());
            // Over 2.5 heading heights to the next baseline: PDFBox's text stripper (as document-service
            // runs it) then ends a paragraph after the heading instead of running it into the first sentence.
            y -= 28;
            for (String paragraph : page.paragraphs()) {
                for (String wrapped : wrap(paragraph, regular, BODY_SIZE, textWidth)) {
                    if (y < MARGIN + 30) {
                        throw new IllegalStateException("page " + page.number() + " of the sample is too long for one PDF page");
                    }
                    y = line(content, regular, BODY_SIZE, MARGIN, y, wrapped);
                    y -= BODY_LEADING - BODY_SIZE;
                }
                // A paragraph gap large enough for PDFBox's text stripper to see a paragraph break.
                y -= BODY_LEADING;
            }
            String footer = "Page " + page.number() + " of " + pageCount;
            float footerWidth = regular.getStringWidth(footer) / 1000 * FOOTER_SIZE;
            line(content, regular, FOOTER_SIZE, (width - footerWidth) / 2, MARGIN / 2 + FOOTER_SIZE, footer);
        }
    }

    /** Shows one line with its top at {@code top}; returns the y of the line's bottom. */
    private static float line(PDPageContentStream content, PDType1Font font, float size, float x, float top,
                              String text) throws IOException {
        float baseline = top - size;
        content.beginText();
        content.setFont(font, size);
        content.newLineAtOffset(x, baseline);
        content.showText(text);
        content.endText();
        return baseline;
    }

    static List<String> wrap(String paragraph, PDType1Font font, float size, float maxWidth) throws IOException {
        List<String> lines = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String word : paragraph.split("\\s+")) {
            String candidate = current.isEmpty() ? word : current + " " + word;
            if (!current.isEmpty() && font.getStringWidth(candidate) / 1000 * size > maxWidth) {
                lines.add(current.toString());
                current.setLength(0);
                current.append(word);
            } else {
                current.setLength(0);
                current.append(candidate);
            }
        }
        if (!current.isEmpty()) {
            lines.add(current.toString());
        }
        return lines;
    }
}

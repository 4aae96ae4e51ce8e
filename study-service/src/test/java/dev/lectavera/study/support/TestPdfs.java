package dev.lectavera.study.support;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** PDFs made by the tests with PDFBox: known text on known pages. */
public final class TestPdfs {

    /** Page texts of the study PDF; paragraphs are separated by blank lines. */
    public static final List<String> BIOLOGY = List.of(
            """
            Cell Biology Basics

            The cell membrane is a phospholipid bilayer that controls what enters and leaves the cell. \
            Proteins embedded in the membrane act as channels and pumps.""",
            """
            Photosynthesis

            Chloroplasts capture light energy and convert carbon dioxide and water into glucose and oxygen. \
            The light reactions take place in the thylakoid membranes of the chloroplast.""",
            """
            The Mitochondrion

            The mitochondrion produces adenosine triphosphate, the energy currency of the cell, through \
            oxidative phosphorylation. The inner membrane of the mitochondrion is folded into cristae, which \
            increase the surface area available for the electron transport chain.""",
            """
            Cell Division

            Mitosis divides one nucleus into two identical nuclei. Meiosis creates four gametes with half the \
            number of chromosomes of the parent cell.""");

    /** The question whose answer is on page 3 of {@link #BIOLOGY}, and words its answer must contain. */
    public static final String PAGE_3_QUESTION = "What does the mitochondrion produce?";
    public static final String PAGE_3_ANSWER_WORDS = "adenosine triphosphate";
    public static final String UNRELATED_QUESTION = "Who won the football world cup in 1998?";

    private static final float MARGIN = 56;
    private static final float FONT_SIZE = 11;
    private static final float LEADING = 14;
    private static final int CHARS_PER_LINE = 90;

    private TestPdfs() {
    }

    /**
     * The biology PDF with a unique trailing line, so every upload is a new file for document-service (which
     * returns the existing document for a file uploaded twice by the same user).
     */
    public static byte[] biology() {
        List<String> pages = new ArrayList<>(BIOLOGY);
        pages.set(3, pages.get(3) + "\n\nReference " + UUID.randomUUID().toString().substring(0, 8) + ".");
        return build("Biology notes", pages);
    }

    public static byte[] pages(String title, List<String> pageTexts) {
        return build(title, pageTexts);
    }

    /** A page showing only a picture: document-service finds no text in it, so it never becomes INDEXED. */
    public static byte[] imageOnly() {
        try (PDDocument pdf = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            BufferedImage picture = new BufferedImage(64, 64, BufferedImage.TYPE_INT_RGB);
            int seed = UUID.randomUUID().hashCode();
            for (int x = 0; x < 64; x++) {
                for (int y = 0; y < 64; y++) {
                    picture.setRGB(x, y, (x * 3 + seed) << 8 | y * 2);
                }
            }
            PDPage page = new PDPage(PDRectangle.A4);
            pdf.addPage(page);
            try (PDPageContentStream content = new PDPageContentStream(pdf, page)) {
                content.drawImage(org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory.createFromImage(pdf,
                        picture), MARGIN, 400, 300, 300);
            }
            pdf.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] build(String title, List<String> pageTexts) {
        try (PDDocument pdf = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            for (String pageText : pageTexts) {
                PDPage page = new PDPage(PDRectangle.A4);
                pdf.addPage(page);
                try (PDPageContentStream content = new PDPageContentStream(pdf, page)) {
                    content.beginText();
                    content.setFont(font, FONT_SIZE);
                    content.setLeading(LEADING);
                    content.newLineAtOffset(MARGIN, PDRectangle.A4.getHeight() - MARGIN);
                    for (String paragraph : pageText.split("\n\n")) {
                        for (String line : wrap(paragraph.strip())) {
                            content.showText(line);
                            content.newLine();
                        }
                        content.newLineAtOffset(0, -LEADING);
                    }
                    content.endText();
                }
            }
            PDDocumentInformation info = new PDDocumentInformation();
            info.setTitle(title);
            pdf.setDocumentInformation(info);
            pdf.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> wrap(String paragraph) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : paragraph.split("\\s+")) {
            if (!line.isEmpty() && line.length() + word.length() + 1 > CHARS_PER_LINE) {
                lines.add(line.toString());
                line.setLength(0);
            }
            if (!line.isEmpty()) {
                line.append(' ');
            }
            line.append(word);
        }
        if (!line.isEmpty()) {
            lines.add(line.toString());
        }
        return lines;
    }
}

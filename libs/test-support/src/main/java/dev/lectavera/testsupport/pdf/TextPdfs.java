package dev.lectavera.testsupport.pdf;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * PDFs written with PDFBox for tests: known text on known pages. A page's text is made of paragraphs separated by
 * blank lines ("\n\n"), wrapped at about 90 characters like a real text, in Helvetica 11 on A4.
 */
public final class TextPdfs {

    /** Left and top margin, in points. */
    public static final float MARGIN = 56;
    public static final float FONT_SIZE = 11;
    private static final float LEADING = 14;
    private static final int CHARS_PER_LINE = 90;

    private TextPdfs() {
    }

    /** One page per entry; {@code title} (may be null) goes into the document information. */
    public static byte[] textPdf(String title, List<String> pageTexts) {
        return textPdf(title, pageTexts, null);
    }

    /** As {@link #textPdf(String, List)}, encrypted with {@code protection} (may be null). */
    public static byte[] textPdf(String title, List<String> pageTexts, StandardProtectionPolicy protection) {
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
                        content.newLine(); // an empty line: a paragraph break
                    }
                    content.endText();
                }
            }
            if (title != null) {
                PDDocumentInformation info = new PDDocumentInformation();
                info.setTitle(title);
                info.setAuthor("LectaVera Tests");
                pdf.setDocumentInformation(info);
            }
            if (protection != null) {
                pdf.protect(protection);
            }
            pdf.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code pages} pages that each show only {@code picture}, no text: what a scanner produces. */
    public static byte[] imageOnly(int pages, BufferedImage picture, float width, float height) {
        try (PDDocument pdf = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDImageXObject image = LosslessFactory.createFromImage(pdf, picture);
            for (int i = 0; i < pages; i++) {
                PDPage page = new PDPage(PDRectangle.A4);
                pdf.addPage(page);
                try (PDPageContentStream content = new PDPageContentStream(pdf, page)) {
                    content.drawImage(image, MARGIN, 400, width, height);
                }
            }
            pdf.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A paragraph as the lines of about 90 characters it is written in. */
    public static List<String> wrap(String paragraph) {
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

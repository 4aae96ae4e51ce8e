package dev.lectavera.system;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.UUID;

/** A small multi-page PDF with known text on known pages, made fresh (and unique) for each test. */
final class StudyPdf {

    static final List<List<String>> PAGES = List.of(
            List.of("Cell Biology Basics",
                    "The cell is the basic unit of life. Every living organism is made of one or more cells.",
                    "Cells divide by mitosis to grow and to repair tissue."),
            List.of("The Nucleus",
                    "The nucleus stores the genetic material of the cell in the form of DNA.",
                    "The nuclear envelope separates the nucleus from the cytoplasm."),
            List.of("Mitochondria",
                    "Mitochondria produce ATP through cellular respiration.",
                    "Because they release energy, mitochondria are called the powerhouse of the cell."));

    private StudyPdf() {
    }

    /** The pages above plus a unique marker, so the same user never uploads the same bytes twice by accident. */
    static byte[] unique() {
        String marker = "Edition " + UUID.randomUUID();
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            for (List<String> lines : PAGES) {
                PDPage page = new PDPage();
                document.addPage(page);
                try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                    content.beginText();
                    content.setFont(font, 12);
                    content.setLeading(18);
                    content.newLineAtOffset(72, 700);
                    for (String line : lines) {
                        content.showText(line);
                        content.newLine();
                    }
                    content.showText(marker);
                    content.endText();
                }
            }
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

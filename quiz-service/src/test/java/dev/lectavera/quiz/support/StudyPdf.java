package dev.lectavera.quiz.support;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Study PDFs written with PDFBox: known text on known pages. Each page is a list of paragraphs, wrapped at about
 * 90 characters like a real text, a blank line between paragraphs.
 */
public final class StudyPdf {

    private static final float MARGIN = 56;
    private static final float FONT_SIZE = 11;
    private static final float LEADING = 14;
    private static final int CHARS_PER_LINE = 90;

    private StudyPdf() {
    }

    /** Four pages of cell biology with named terms, years and numbers. */
    public static List<String> cellBiologyPages() {
        return List.of(
                """
                        The cell is the basic unit of life. Every living organism is made of one or more cells, and \
                        new cells arise only from existing cells. Robert Hooke first described cells in 1665 using an \
                        early microscope.

                        The cell membrane is a thin layer of lipids and proteins that surrounds the cytoplasm. \
                        The cell membrane controls which substances enter and leave the cell. The nucleus is the \
                        organelle that holds the genetic material of the cell.

                        The powerhouse of the cell is the mitochondrion. Mitochondria produce ATP through cellular \
                        respiration. A typical liver cell contains about 2000 mitochondria.""",
                """
                        Photosynthesis is the process by which green plants convert light energy into chemical energy. \
                        Photosynthesis takes place in the chloroplasts of plant cells. Chlorophyll is the pigment that \
                        absorbs red and blue light.

                        The Calvin cycle fixes carbon dioxide into sugar inside the stroma. About 70% of the oxygen in \
                        the atmosphere is produced by marine algae. Jan Ingenhousz showed in 1779 that plants need \
                        light to produce oxygen.

                        The Krebs cycle is a series of chemical reactions that releases stored energy. Hans Krebs \
                        described the cycle in 1937 at the University of Sheffield.""",
                """
                        DNA is a molecule that carries the genetic instructions of living organisms. James Watson and \
                        Francis Crick described the double helix structure of DNA in 1953. Rosalind Franklin produced \
                        the X-ray images that revealed the helix.

                        The human genome contains about 3 billion base pairs. Human body cells carry 46 chromosomes \
                        arranged in 23 pairs. Gregor Mendel studied inheritance in pea plants in 1865.

                        The theory of evolution by natural selection was proposed by Charles Darwin. Darwin \
                        published On the Origin of Species in 1859 after his voyage on HMS Beagle.""",
                """
                        Ribosomes are the sites of protein synthesis in the cell. The Golgi apparatus modifies and \
                        packages proteins for transport. Lysosomes contain enzymes that digest cellular waste.

                        The endoplasmic reticulum is a network of membranes inside the cell. The adult human body \
                        contains about 37 trillion cells. Red blood cells carry oxygen with the protein hemoglobin.

                        White blood cells defend the body against infection. A red blood cell lives for about 120 \
                        days before the spleen removes it. Blood plasma makes up about 55% of the volume of blood.""");
    }

    public static byte[] pdf(String title, List<String> pageTexts) {
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
                        content.newLine();
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

    static List<String> wrap(String paragraph) {
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

package dev.lectavera.study.support;

import dev.lectavera.testsupport.pdf.TextPdfs;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** The study PDFs of these tests ({@link TextPdfs}): known text on known pages. */
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

    private TestPdfs() {
    }

    /**
     * The biology PDF with a unique trailing line, so every upload is a new file for document-service (which
     * returns the existing document for a file uploaded twice by the same user).
     */
    public static byte[] biology() {
        List<String> pages = new ArrayList<>(BIOLOGY);
        pages.set(3, pages.get(3) + "\n\nReference " + UUID.randomUUID().toString().substring(0, 8) + ".");
        return TextPdfs.textPdf("Biology notes", pages);
    }

    public static byte[] pages(String title, List<String> pageTexts) {
        return TextPdfs.textPdf(title, pageTexts);
    }

    /** A page showing only a picture: document-service finds no text in it, so it never becomes INDEXED. */
    public static byte[] imageOnly() {
        BufferedImage picture = new BufferedImage(64, 64, BufferedImage.TYPE_INT_RGB);
        int seed = UUID.randomUUID().hashCode();
        for (int x = 0; x < 64; x++) {
            for (int y = 0; y < 64; y++) {
                picture.setRGB(x, y, (x * 3 + seed) << 8 | y * 2);
            }
        }
        return TextPdfs.imageOnly(1, picture, 300, 300);
    }
}

package dev.lectavera.quiz.support;

import dev.lectavera.testsupport.pdf.TextPdfs;

import java.util.List;

/**
 * The study PDFs of these tests ({@link TextPdfs}): known text on known pages, a blank line between
 * paragraphs.
 */
public final class StudyPdf {

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
        return TextPdfs.textPdf(title, pageTexts);
    }
}

package dev.lectavera.quiz.generation;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Page texts for generator tests (the same study text the integration tests put into a PDF). */
public final class StudyTexts {

    private StudyTexts() {
    }

    public static List<SourcePage> cellBiology(UUID documentId) {
        List<SourcePage> pages = new ArrayList<>();
        List<String> texts = dev.lectavera.quiz.support.StudyPdf.cellBiologyPages();
        for (int i = 0; i < texts.size(); i++) {
            pages.add(new SourcePage(documentId, "Cell Biology", i + 1, wrap(texts.get(i))));
        }
        return pages;
    }

    /** Wraps like PDF text extraction does: lines of about 90 characters, a blank line between paragraphs. */
    static String wrap(String text) {
        StringBuilder out = new StringBuilder();
        for (String paragraph : text.split("\n\n")) {
            if (!out.isEmpty()) {
                out.append("\n\n");
            }
            int lineLength = 0;
            for (String word : paragraph.strip().split("\\s+")) {
                if (lineLength > 0 && lineLength + word.length() + 1 > 90) {
                    out.append('\n');
                    lineLength = 0;
                } else if (lineLength > 0) {
                    out.append(' ');
                    lineLength++;
                }
                out.append(word);
                lineLength += word.length();
            }
        }
        return out.toString();
    }

    public static List<SourcePage> history(UUID documentId) {
        return List.of(
                new SourcePage(documentId, "Early Modern Europe", 1, """
                        The Thirty Years War devastated Central Europe between 1618 and 1648. The Peace of \
                        Westphalia ended the war in 1648 and reshaped the map of Europe.

                        The Holy Roman Empire was a loose union of several hundred states. Cardinal Richelieu guided \
                        French policy during the war."""),
                new SourcePage(documentId, "Early Modern Europe", 2, """
                        The Treaty of Utrecht was signed in 1713. The Spanish Succession War was fought over the \
                        Spanish throne. Louis XIV ruled France for 72 years.

                        Mercantilism is an economic policy that aims to export more than a country imports. \
                        Mercantilism shaped the trade policy of France and England."""));
    }
}

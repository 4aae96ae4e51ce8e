package dev.lectavera.study.service.rag;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Sentence spans of a passage: exact ranges of its text, so a sentence quoted is a verifiable span. */
public final class Sentences {

    /** A sentence: {@code text == source.substring(start, end)}. */
    public record Span(int start, int end, String text) {
    }

    private static final Pattern BLOCK_SEPARATOR = Pattern.compile("\n[ \t\r]*\n");
    private static final int MIN_LENGTH = 3;

    private Sentences() {
    }

    public static List<Span> of(String text) {
        List<Span> spans = new ArrayList<>();
        Matcher separator = BLOCK_SEPARATOR.matcher(text);
        int blockStart = 0;
        while (blockStart < text.length()) {
            int blockEnd = separator.find(blockStart) ? separator.start() : text.length();
            int next = blockEnd < text.length() ? separator.end() : text.length();
            split(text, blockStart, blockEnd, spans);
            blockStart = next;
        }
        return spans;
    }

    private static void split(String text, int from, int to, List<Span> out) {
        // Line breaks inside a paragraph are layout, not sentence ends: same length, so offsets still hold.
        String flat = text.substring(from, to).replace('\n', ' ').replace('\r', ' ');
        BreakIterator iterator = BreakIterator.getSentenceInstance(Locale.ENGLISH);
        iterator.setText(flat);
        for (int s = iterator.first(), e = iterator.next(); e != BreakIterator.DONE; s = e, e = iterator.next()) {
            int start = from + s;
            int end = from + e;
            while (start < end && Character.isWhitespace(text.charAt(start))) {
                start++;
            }
            while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
                end--;
            }
            if (end - start >= MIN_LENGTH) {
                out.add(new Span(start, end, text.substring(start, end)));
            }
        }
    }

    /** The sentence for reading: whitespace runs (PDF line breaks) become single spaces. */
    public static String display(String sentence) {
        return sentence.replaceAll("\\s+", " ").strip();
    }
}

package dev.lectavera.study.service.rag;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.Collections;
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
        List<int[]> blocks = new ArrayList<>();
        Matcher separator = BLOCK_SEPARATOR.matcher(text);
        int blockStart = 0;
        while (blockStart < text.length()) {
            int blockEnd = separator.find(blockStart) ? separator.start() : text.length();
            int next = blockEnd < text.length() ? separator.end() : text.length();
            blocks.add(new int[]{blockStart, blockEnd});
            blockStart = next;
        }
        List<Span> spans = new ArrayList<>();
        int fullLine = -1; // the passage's usual full line length, measured only when needed
        for (int i = 0; i < blocks.size(); i++) {
            int from = blocks.get(i)[0];
            int to = blocks.get(i)[1];
            // a sentence that runs on around a displayed line of code ("… whereas", "> unclass(winter)", "will print
            // it as an ordinary list."), or across an empty line the PDF's layout put in: only from a line of running
            // text (as long as the passage's long lines), so headings, listings and lists keep their blocks
            while (i + 1 < blocks.size() && !endsASentence(text, from, to)) {
                if (fullLine < 0) {
                    fullLine = usualFullLineLength(text);
                }
                if (lastLineLength(text, from, to) * 4 < fullLine * 3) {
                    break;
                }
                int[] next = blocks.get(i + 1);
                if (startsLowerCase(text, next[0])) {
                    to = next[1];
                    i++;
                } else if (i + 2 < blocks.size() && isDisplayLine(text, next[0], next[1])
                        && startsLowerCase(text, blocks.get(i + 2)[0])) {
                    to = blocks.get(i + 2)[1];
                    i += 2;
                } else {
                    break;
                }
            }
            split(text, from, to, spans);
        }
        return spans;
    }

    /** The block ends with . ! or ? (before any closing quote or bracket), or holds no text. */
    private static boolean endsASentence(String text, int from, int to) {
        int i = to - 1;
        while (i >= from && (Character.isWhitespace(text.charAt(i)) || CLOSING_MARKS.indexOf(text.charAt(i)) >= 0)) {
            i--;
        }
        return i < from || ".!?".indexOf(text.charAt(i)) >= 0;
    }

    private static boolean startsLowerCase(String text, int from) {
        int i = from;
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return i < text.length() && Character.isLowerCase(text.charAt(i));
    }

    private static int lastLineLength(String text, int from, int to) {
        int end = to;
        while (end > from && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        return end - Math.max(from, text.lastIndexOf('\n', end - 1) + 1);
    }

    /** The length of the passage's long lines (the 90th percentile): what a wrapped line of running text reaches. */
    private static int usualFullLineLength(String text) {
        List<Integer> lengths = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (!line.isBlank()) {
                lengths.add(line.strip().length());
            }
        }
        if (lengths.isEmpty()) {
            return 0;
        }
        Collections.sort(lengths);
        return lengths.get((int) (0.9 * (lengths.size() - 1)));
    }

    /** One short line set apart: a command or an expression shown in the middle of a sentence. */
    private static boolean isDisplayLine(String text, int from, int to) {
        String block = text.substring(from, to).strip();
        return !block.isEmpty() && block.length() <= DISPLAY_LINE_MAX && block.indexOf('\n') < 0;
    }

    private static final String CLOSING_MARKS = ")]}\"'\u2019\u201D";
    private static final int DISPLAY_LINE_MAX = 60;

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

package dev.lectavera.study.service.rag;

import java.util.regex.Pattern;

/**
 * Tells the lines a page's layout made — a table of contents or index entry, a heading, a running header — from the
 * sentences that state something. The offline answer quotes sentences: an index line ("idn2_free . . . . 9") is
 * never an answer, and a heading ("2.1 ASN.1 syntax") names the subject the answer is about without saying it.
 */
final class LayoutLines {

    /** A dot leader (four or more dots, spaced or not) or an ellipsis run: contents and index entries. */
    private static final Pattern LEADER = Pattern.compile("(?:\\.\\s?){4,}|…{2,}|(?:_\\s?){6,}");
    /** A sentence ends in punctuation (closing quotes or brackets may follow it). */
    private static final Pattern SENTENCE_END = Pattern.compile("[.!?:;][\"')\\]’”]*$");
    /**
     * A numbered heading or running header: a section number ("2.1", "A.3", "IV.") or "Chapter 2:" first, then a
     * capitalised title. (Option lists, table rows and code lines lack a sentence's end too, and they state facts:
     * only the numbering tells a heading.)
     */
    private static final Pattern NUMBERED = Pattern.compile(
            "^(?:(?:chapter|section|part|appendix)\\s+)?(?:\\d+|[A-Z]|[IVX]+)(?:\\.\\d+)*[.:]?\\s+\\p{Lu}",
            Pattern.CASE_INSENSITIVE);
    /** Headings are short; a longer line is a sentence that happens to begin with a number. */
    private static final int HEADING_MAX_WORDS = 10;

    private LayoutLines() {
    }

    /** Whether the text ends as a sentence does (a passage cut in mid-sentence does not). */
    static boolean endsASentence(String text) {
        return SENTENCE_END.matcher(text.strip()).find();
    }

    /** A table of contents or index line: never quoted. */
    static boolean isIndexEntry(String sentence) {
        return LEADER.matcher(sentence).find();
    }

    /** A numbered heading or running header: numbered, short and without the punctuation that ends a sentence. */
    static boolean isHeading(String sentence) {
        String line = sentence.strip();
        return NUMBERED.matcher(line).find() && !SENTENCE_END.matcher(line).find()
                && Terms.words(line).size() <= HEADING_MAX_WORDS;
    }
}

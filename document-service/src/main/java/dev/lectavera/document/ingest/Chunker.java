package dev.lectavera.document.ingest;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Cuts page texts into passages for retrieval, following the document's structure:
 * <ul>
 *   <li>a chunk never crosses a page boundary, so every passage is cited with one page number and exact
 *       offsets: {@code text == pageText.substring(startOffset, endOffset)};</li>
 *   <li>a heading starts a new chunk (once the current one has {@code minTokens}) and stays with what follows;</li>
 *   <li>paragraphs (separated by an empty line) are kept whole while they fit; one that does not fit starts a new
 *       chunk and is cut between sentences; a sentence longer than the budget is cut between words;</li>
 *   <li>when the budget cuts a section, the next chunk repeats the last sentences of the previous one, up to
 *       {@code overlapTokens}, so a fact on the cut keeps its context.</li>
 * </ul>
 * Tokens are estimated, not counted with the model's tokenizer: one per word (a run of letters or digits) and one
 * per punctuation mark. English WordPiece tokenisers produce about 1.1–1.4 tokens per such unit, so the default
 * budget of 320 stays below the 512 tokens bge-small reads.
 */
public final class Chunker {

    public record Settings(int maxTokens, int minTokens, int overlapTokens) {
        public Settings {
            if (maxTokens < 16 || minTokens < 0 || minTokens > maxTokens || overlapTokens < 0
                    || overlapTokens >= maxTokens / 2) {
                throw new IllegalArgumentException("Inconsistent chunking settings: max " + maxTokens + ", min "
                        + minTokens + ", overlap " + overlapTokens);
            }
        }
    }

    /** A passage: page is 1-based; offsets are a half-open range of that page's text. */
    public record Chunk(int ordinal, int page, int startOffset, int endOffset, String text, int tokens) {
    }

    private static final Pattern BLOCK_SEPARATOR = Pattern.compile("\n[ \t]*\n");
    private static final Pattern NUMBERED = Pattern.compile(
            "^(\\d+(\\.\\d+)*\\.?|[IVXLC]+\\.|[A-Z]\\.|Chapter|Section|Part|Appendix|Lecture|Unit)(\\s|$).*",
            Pattern.CASE_INSENSITIVE);
    private static final int HEADING_MAX_WORDS = 12;
    private static final int HEADING_MAX_CHARS = 120;

    private final Settings settings;

    public Chunker(Settings settings) {
        this.settings = settings;
    }

    /** @param pages page texts, index 0 being page 1 */
    public List<Chunk> chunk(List<String> pages) {
        List<Chunk> chunks = new ArrayList<>();
        for (int i = 0; i < pages.size(); i++) {
            chunkPage(i + 1, pages.get(i), chunks);
        }
        return chunks;
    }

    private void chunkPage(int pageNumber, String text, List<Chunk> out) {
        Packer packer = new Packer(pageNumber, text, out);
        for (Paragraph paragraph : paragraphs(text)) {
            if (paragraph.heading()) {
                if (packer.tokens >= settings.minTokens()) {
                    packer.close(false);
                }
                packer.add(paragraph.units().getFirst());
                continue;
            }
            if (packer.tokens + paragraph.tokens() <= settings.maxTokens()) {
                paragraph.units().forEach(packer::add);
                continue;
            }
            if (packer.tokens >= settings.minTokens()) {
                packer.close(true);
                if (packer.tokens + paragraph.tokens() <= settings.maxTokens()) {
                    paragraph.units().forEach(packer::add);
                    continue;
                }
            }
            for (Span sentence : paragraph.units()) {
                if (packer.tokens + sentence.tokens() > settings.maxTokens()) {
                    if (packer.fresh > 0) {
                        packer.close(true);
                    }
                    if (packer.tokens + sentence.tokens() > settings.maxTokens()) {
                        packer.clear(); // the carried overlap alone leaves no room: drop it
                    }
                }
                packer.add(sentence);
            }
        }
        packer.close(false);
    }

    /** Accumulates the spans of one chunk. */
    private final class Packer {
        private final int page;
        private final String text;
        private final List<Chunk> out;
        private final List<Span> units = new ArrayList<>();
        private int tokens;
        /** Spans added since the last chunk was emitted (the rest is overlap carried from it). */
        private int fresh;

        Packer(int page, String text, List<Chunk> out) {
            this.page = page;
            this.text = text;
            this.out = out;
        }

        void add(Span span) {
            units.add(span);
            tokens += span.tokens();
            fresh++;
        }

        void clear() {
            units.clear();
            tokens = 0;
            fresh = 0;
        }

        /** Emits the current chunk; with overlap, its last sentences start the next one. */
        void close(boolean overlap) {
            if (fresh == 0) {
                clear();
                return;
            }
            int start = units.getFirst().start();
            int end = units.getLast().end();
            String chunkText = text.substring(start, end);
            out.add(new Chunk(out.size(), page, start, end, chunkText, estimateTokens(chunkText)));
            List<Span> carry = new ArrayList<>();
            if (overlap) {
                int carried = 0;
                for (int i = units.size() - 1; i > 0; i--) { // never carry the whole chunk
                    Span span = units.get(i);
                    if (span.heading() || carried + span.tokens() > settings.overlapTokens()) {
                        break;
                    }
                    carry.addFirst(span);
                    carried += span.tokens();
                }
            }
            clear();
            carry.forEach(units::add);
            carry.forEach(span -> tokens += span.tokens());
        }
    }

    /** A range of the page text: a heading, a sentence or a piece of an overlong sentence. */
    record Span(int start, int end, int tokens, boolean heading) {
    }

    record Paragraph(boolean heading, List<Span> units, int tokens) {
    }

    /** Blocks separated by empty lines; a heading line opening a block becomes its own block. */
    List<Paragraph> paragraphs(String text) {
        List<Paragraph> paragraphs = new ArrayList<>();
        Matcher separator = BLOCK_SEPARATOR.matcher(text);
        int blockStart = 0;
        while (blockStart < text.length()) {
            int blockEnd = separator.find(blockStart) ? separator.start() : text.length();
            int next = blockEnd < text.length() ? separator.end() : text.length();
            addBlock(text, blockStart, blockEnd, paragraphs);
            blockStart = next;
        }
        return paragraphs;
    }

    private void addBlock(String text, int from, int to, List<Paragraph> out) {
        int start = skipSpace(text, from, to);
        int end = trimEnd(text, start, to);
        if (start >= end) {
            return;
        }
        int lineEnd = text.indexOf('\n', start);
        if (lineEnd < 0 || lineEnd >= end) {
            if (isHeading(text.substring(start, end))) {
                out.add(heading(text, start, end));
            } else {
                out.add(paragraph(text, start, end));
            }
            return;
        }
        String firstLine = text.substring(start, trimEnd(text, start, lineEnd));
        int bodyStart = skipSpace(text, lineEnd + 1, end);
        if (isHeading(firstLine) && bodyStart < end && Character.isUpperCase(text.charAt(bodyStart))) {
            out.add(heading(text, start, trimEnd(text, start, lineEnd)));
            out.add(paragraph(text, bodyStart, end));
        } else {
            out.add(paragraph(text, start, end));
        }
    }

    private static Paragraph heading(String text, int start, int end) {
        Span span = new Span(start, end, estimateTokens(text.substring(start, end)), true);
        return new Paragraph(true, List.of(span), span.tokens());
    }

    private Paragraph paragraph(String text, int start, int end) {
        List<Span> sentences = new ArrayList<>();
        // Line breaks inside a paragraph are layout, not sentence ends (BreakIterator would cut at them).
        String flat = text.substring(start, end).replace('\n', ' ');
        BreakIterator iterator = BreakIterator.getSentenceInstance(Locale.ENGLISH);
        iterator.setText(flat);
        int total = 0;
        for (int s = iterator.first(), e = iterator.next(); e != BreakIterator.DONE; s = e, e = iterator.next()) {
            int sentenceStart = skipSpace(text, start + s, start + e);
            int sentenceEnd = trimEnd(text, sentenceStart, start + e);
            if (sentenceStart >= sentenceEnd) {
                continue;
            }
            int tokens = estimateTokens(text.substring(sentenceStart, sentenceEnd));
            if (tokens <= settings.maxTokens()) {
                sentences.add(new Span(sentenceStart, sentenceEnd, tokens, false));
            } else {
                splitBetweenWords(text, sentenceStart, sentenceEnd, sentences);
            }
            total += tokens;
        }
        return new Paragraph(false, sentences, total);
    }

    private void splitBetweenWords(String text, int start, int end, List<Span> out) {
        int pieceStart = start;
        int pieceTokens = 0;
        int i = start;
        while (i < end) {
            int wordEnd = i;
            while (wordEnd < end && !Character.isWhitespace(text.charAt(wordEnd))) {
                wordEnd++;
            }
            int wordTokens = estimateTokens(text.substring(i, wordEnd));
            if (pieceTokens > 0 && pieceTokens + wordTokens > settings.maxTokens()) {
                int pieceEnd = trimEnd(text, pieceStart, i);
                out.add(new Span(pieceStart, pieceEnd, pieceTokens, false));
                pieceStart = i;
                pieceTokens = 0;
            }
            pieceTokens += wordTokens;
            i = skipSpace(text, wordEnd, end);
        }
        if (pieceStart < end) {
            out.add(new Span(pieceStart, trimEnd(text, pieceStart, end), pieceTokens, false));
        }
    }

    /**
     * A heading: one short line with a letter, no sentence punctuation at its end, starting with a capital or a
     * numbering ("2.1", "IV.", "Chapter").
     */
    static boolean isHeading(String line) {
        String candidate = line.strip();
        if (candidate.isEmpty() || candidate.length() > HEADING_MAX_CHARS || candidate.indexOf('\n') >= 0) {
            return false;
        }
        char last = candidate.charAt(candidate.length() - 1);
        if (".,;:!?".indexOf(last) >= 0 || candidate.chars().noneMatch(Character::isLetter)) {
            return false;
        }
        int words = candidate.split("\\s+").length;
        if (words > HEADING_MAX_WORDS) {
            return false;
        }
        return NUMBERED.matcher(candidate).matches() || Character.isUpperCase(candidate.charAt(0));
    }

    /** Words (runs of letters or digits) plus punctuation marks. */
    public static int estimateTokens(CharSequence text) {
        int tokens = 0;
        boolean inWord = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                if (!inWord) {
                    tokens++;
                    inWord = true;
                }
            } else {
                inWord = false;
                if (!Character.isWhitespace(c)) {
                    tokens++;
                }
            }
        }
        return tokens;
    }

    private static int skipSpace(String text, int from, int to) {
        int i = from;
        while (i < to && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return i;
    }

    private static int trimEnd(String text, int from, int to) {
        int i = to;
        while (i > from && Character.isWhitespace(text.charAt(i - 1))) {
            i--;
        }
        return i;
    }
}

package dev.lectavera.quiz.generation.offline;

import dev.lectavera.quiz.generation.Difficulty;
import dev.lectavera.quiz.generation.QuestionSource;
import dev.lectavera.quiz.generation.SourcePage;
import dev.lectavera.quiz.text.TextNormalizer;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Everything a question builder needs about one sentence.
 *
 * @param occurrences    the key terms in the sentence, left to right
 * @param knownSentences every sentence of the selected documents, normalised: a "false" statement must not be one
 */
public record SentenceContext(SourcePage page, AnalyzedSentence sentence, List<TermOccurrence> occurrences,
                              Difficulty difficulty, DistractorPicker picker, Set<String> knownSentences) {

    public static final String BLANK = "_____";

    public String text() {
        return sentence.text();
    }

    public QuestionSource source() {
        return new QuestionSource(page.documentId(), page.title(), page.page(), sentence.text(),
                sentence.sentence().start(), sentence.sentence().end());
    }

    /** The sentence with every occurrence of {@code term} replaced; a sentence-initial replacement capitalised. */
    public String replace(KeyTerm term, String replacement) {
        StringBuilder out = new StringBuilder();
        int from = 0;
        for (TermOccurrence occurrence : occurrences) {
            if (!occurrence.term().key().equals(term.key())) {
                continue;
            }
            out.append(text(), from, occurrence.start());
            String value = replacement;
            if (occurrence.start() == 0 && !value.isEmpty() && Character.isLowerCase(value.charAt(0))) {
                value = value.substring(0, 1).toUpperCase(Locale.ROOT) + value.substring(1);
            }
            out.append(value);
            from = occurrence.end();
        }
        out.append(text().substring(from));
        return out.toString();
    }

    /** How the term is written in this sentence (its first occurrence). */
    public String surfaceOf(KeyTerm term) {
        for (TermOccurrence occurrence : occurrences) {
            if (occurrence.term().key().equals(term.key())) {
                return text().substring(occurrence.start(), occurrence.end());
            }
        }
        return term.surface();
    }

    /** The statement is one of the documents' own sentences. */
    public boolean isKnownSentence(String statement) {
        return knownSentences.contains(TextNormalizer.normalize(statement));
    }

    /** {@code Page 3 of "Cell Biology" says: "..."} */
    public String quote() {
        return "Page " + page.page() + " of \"" + page.title() + "\" says: \"" + sentence.text() + "\"";
    }
}

package dev.lectavera.quiz.generation.offline;

import dev.lectavera.quiz.generation.QuestionDraft;
import dev.lectavera.quiz.generation.QuestionType;
import dev.lectavera.quiz.text.StopWords;
import dev.lectavera.quiz.text.TextNormalizer;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Short answer, from sentences that define or name something; the key term is always the answer:
 * <ul>
 *     <li>"X is a/an/the ..." (also "refers to", "means", "denotes") → Which term is described as "..."?</li>
 *     <li>"... is (called / known as) (the) X." → What is ... (called)? (X a key term, or any short noun phrase
 *     after "the")</li>
 *     <li>"... was signed in 1648." (a year) → In which year was ... signed?</li>
 *     <li>"... was proposed by Charles Darwin." (a name) → By whom was ... proposed?</li>
 * </ul>
 * Other sentences make no short-answer question: the builder does not invent question wording it cannot ground.
 */
public final class ShortAnswerBuilder {

    private static final Pattern DEFINITION_REST = Pattern.compile(
            "^\\s+(is|are|refers to|means|denotes)\\s+(?:defined as\\s+)?(.+?)[.!][\"\u201D)]?$");
    private static final Pattern NAMED_BEFORE = Pattern.compile(
            "^(.+?)\\s+(is|are|was|were)\\s+(called\\s+|known as\\s+|named\\s+)?(?:(?:the|a|an)\\s+)?$");
    private static final Pattern PASSIVE_BEFORE = Pattern.compile(
            "^(.+?)\\s+(was|were)\\s+(\\p{L}+ed)\\s+(in|by)\\s+$");
    private static final Pattern NAMED_PHRASE = Pattern.compile(
            "^(.+?)\\s+(is|are|was|were)\\s+(called\\s+|known as\\s+|named\\s+)?the\\s+([\\p{L}][\\p{L}\\- ]{1,60}?)"
                    + "[.!][\"\u201D)]?$");
    private static final Pattern END = Pattern.compile("^[.!][\"\u201D)]?$");
    private static final Pattern ARTICLE_START = Pattern.compile("^(?:a|an|the)\\s", Pattern.CASE_INSENSITIVE);
    private static final Set<String> LEADING_ARTICLES = Set.of("", "The ", "A ", "An ");
    private static final Set<String> PRONOUNS = Set.of("it", "this", "that", "these", "those", "they", "he", "she",
            "which", "what", "there", "here", "we", "you", "i");
    static final int MIN_CLUE_WORDS = 4;

    private ShortAnswerBuilder() {
    }

    public static Optional<QuestionDraft> build(SentenceContext context) {
        return defined(context).or(() -> named(context)).or(() -> passive(context));
    }

    /** "Photosynthesis is the process by which ..." */
    static Optional<QuestionDraft> defined(SentenceContext context) {
        if (context.occurrences().isEmpty()) {
            return Optional.empty();
        }
        TermOccurrence first = context.occurrences().getFirst();
        String text = context.text();
        if (!LEADING_ARTICLES.contains(text.substring(0, first.start()))) {
            return Optional.empty();
        }
        Matcher rest = DEFINITION_REST.matcher(text.substring(first.end()));
        if (!rest.matches()) {
            return Optional.empty();
        }
        String verb = rest.group(1);
        String clue = rest.group(2).strip();
        boolean copula = verb.equals("is") || verb.equals("are");
        if ((copula && !ARTICLE_START.matcher(clue).find()) || !goodClue(clue, first.term())) {
            return Optional.empty();
        }
        String asked = copula ? "is described as" : (verb.equals("refers to") ? "refers to" : verb);
        return Optional.of(draft(context, first.term(), "Which term " + asked + " \"" + clue + "\"?"));
    }

    /** "The powerhouse of the cell is the mitochondrion." / "... is called X." */
    static Optional<QuestionDraft> named(SentenceContext context) {
        Optional<TermOccurrence> last = lastAtEnd(context);
        if (last.isEmpty()) {
            return namedPhrase(context);
        }
        Matcher before = NAMED_BEFORE.matcher(context.text().substring(0, last.get().start()));
        if (!before.matches()) {
            return Optional.empty();
        }
        String subject = before.group(1).strip();
        if (!goodClue(subject, last.get().term())) {
            return Optional.empty();
        }
        String naming = before.group(3) == null ? "" : " " + before.group(3).strip();
        return Optional.of(draft(context, last.get().term(),
                "What " + before.group(2) + " " + lowerFirst(subject) + naming + "?"));
    }

    /**
     * "The powerhouse of the cell is the mitochondrion." where the final noun phrase (after "the", one to three
     * content words) is not a key term of the document: it still names the thing, so it is the answer.
     */
    static Optional<QuestionDraft> namedPhrase(SentenceContext context) {
        Matcher m = NAMED_PHRASE.matcher(context.text());
        if (!m.matches()) {
            return Optional.empty();
        }
        String subject = m.group(1).strip();
        String answer = m.group(4).strip();
        List<String> words = TextNormalizer.tokens(answer);
        if (words.isEmpty() || words.size() > 3 || words.stream().anyMatch(StopWords::isStopWord)
                || !goodClue(subject, answer)) {
            return Optional.empty();
        }
        String naming = m.group(3) == null ? "" : " " + m.group(3).strip();
        return Optional.of(new QuestionDraft(QuestionType.SHORT_ANSWER,
                "What " + m.group(2) + " " + lowerFirst(subject) + naming + "?", List.of(), answer,
                context.quote() + " The answer is \"" + answer + "\".", answer, context.source()));
    }

    /** "The Treaty of Westphalia was signed in 1648." / "... was proposed by Charles Darwin." */
    static Optional<QuestionDraft> passive(SentenceContext context) {
        Optional<TermOccurrence> last = lastAtEnd(context);
        if (last.isEmpty()) {
            return Optional.empty();
        }
        TermKind kind = last.get().term().kind();
        Matcher before = PASSIVE_BEFORE.matcher(context.text().substring(0, last.get().start()));
        if (!before.matches()) {
            return Optional.empty();
        }
        String subject = before.group(1).strip();
        boolean year = kind == TermKind.YEAR && before.group(4).equals("in");
        boolean agent = kind == TermKind.NAME && before.group(4).equals("by");
        if (!(year || agent) || !goodClue(subject + " " + before.group(3), last.get().term())) {
            return Optional.empty();
        }
        String opening = year ? "In which year " : "By whom ";
        return Optional.of(draft(context, last.get().term(),
                opening + before.group(2) + " " + lowerFirst(subject) + " " + before.group(3) + "?"));
    }

    private static Optional<TermOccurrence> lastAtEnd(SentenceContext context) {
        if (context.occurrences().isEmpty()) {
            return Optional.empty();
        }
        TermOccurrence last = context.occurrences().getLast();
        return END.matcher(context.text().substring(last.end())).matches() ? Optional.of(last) : Optional.empty();
    }

    private static boolean goodClue(String clue, KeyTerm answer) {
        return goodClue(clue, answer.surface());
    }

    /** Long enough to point at one answer, not giving it away, not a bare pronoun. */
    private static boolean goodClue(String clue, String answer) {
        List<String> words = TextNormalizer.tokens(clue);
        if (words.size() < MIN_CLUE_WORDS && TextNormalizer.contentTokens(clue).size() < 2) {
            return false;
        }
        if (PRONOUNS.contains(words.getFirst())) {
            return false;
        }
        return !TextNormalizer.containsTokens(TextNormalizer.normalizeLenient(clue),
                TextNormalizer.normalizeLenient(answer));
    }

    private static String lowerFirst(String subject) {
        int space = subject.indexOf(' ');
        String firstWord = space < 0 ? subject : subject.substring(0, space);
        if (StopWords.isStopWord(firstWord) && firstWord.length() > 0) {
            return subject.substring(0, 1).toLowerCase(Locale.ROOT) + subject.substring(1);
        }
        return subject;
    }

    private static QuestionDraft draft(SentenceContext context, KeyTerm term, String prompt) {
        String answer = context.surfaceOf(term);
        return new QuestionDraft(QuestionType.SHORT_ANSWER, prompt, List.of(), answer,
                context.quote() + " The answer is \"" + answer + "\".", term.surface(), context.source());
    }
}

package dev.lectavera.quiz.generation.gate;

import dev.lectavera.quiz.generation.QuestionDraft;
import dev.lectavera.quiz.generation.QuestionType;
import dev.lectavera.quiz.text.StopWords;
import dev.lectavera.quiz.text.TextNormalizer;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The rules every generated question must pass, whichever generator wrote it:
 * <ul>
 *     <li>{@link Gate#GROUNDED}: the passage is on the cited page, and the answer key occurs in the passage
 *     (normalised, as whole words); for true/false, the topic term does (singular or plural). A model's answer
 *     that is not literally there may still pass an optional support check (the model asked whether the passage
 *     supports it).</li>
 *     <li>{@link Gate#DISTRACTORS}: multiple choice has four non-blank options, pairwise different after
 *     normalisation, the answer among them exactly once, and no distractor contains the answer or is contained in
 *     it; true/false offers exactly True and False; the other types offer nothing.</li>
 *     <li>{@link Gate#DUPLICATE}: no question already accepted is built on the same passage with the same answer or
 *     topic, or has a prompt whose content words overlap too much (token Jaccard at or above the threshold; a lower
 *     bar when the answers are the same).</li>
 * </ul>
 * The spread rule lives in {@link QuestionSelector}, which knows the per-page counts.
 */
public final class QualityGates {

    /** Words of the fixed prompt wording: two prompts never look alike because of these. */
    private static final Set<String> INSTRUCTION_WORDS = Set.of("fill", "blank", "true", "false", "option",
            "completes", "complete", "sentence", "term", "defined", "follows", "described", "statement", "name");
    /** With the same answer, prompts this much less alike than the threshold are duplicates already. */
    private static final double SAME_ANSWER_ALLOWANCE = 0.2;

    private final double nearDuplicateThreshold;
    private final Predicate<QuestionDraft> supportCheck;

    /**
     * @param nearDuplicateThreshold token Jaccard of two prompts at or above which they are near-duplicates
     * @param supportCheck           asked for an answer not found literally in its passage; null for none
     */
    public QualityGates(double nearDuplicateThreshold, Predicate<QuestionDraft> supportCheck) {
        if (nearDuplicateThreshold <= 0 || nearDuplicateThreshold > 1) {
            throw new IllegalArgumentException("near-duplicate threshold must be in (0, 1]");
        }
        this.nearDuplicateThreshold = nearDuplicateThreshold;
        this.supportCheck = supportCheck;
    }

    public QualityGates(double nearDuplicateThreshold) {
        this(nearDuplicateThreshold, null);
    }

    /** The first gate the candidate fails against the questions accepted so far, if any. */
    public Optional<Gate> check(QuestionDraft candidate, String normalizedPageText, List<QuestionDraft> accepted) {
        if (distractorProblem(candidate).isPresent()) {
            return Optional.of(Gate.DISTRACTORS);
        }
        if (!isGrounded(candidate, normalizedPageText)
                && (supportCheck == null || !passageOnPage(candidate, normalizedPageText)
                || !supportCheck.test(candidate))) {
            return Optional.of(Gate.GROUNDED);
        }
        for (QuestionDraft other : accepted) {
            if (nearDuplicates(candidate, other, nearDuplicateThreshold)) {
                return Optional.of(Gate.DUPLICATE);
            }
        }
        return Optional.empty();
    }

    /**
     * The passage is on the page (when the page text is known) and the answer key is found in the passage: as whole
     * normalised words for text answers, the topic term for true/false.
     */
    public static boolean isGrounded(QuestionDraft draft, String normalizedPageText) {
        if (!passageOnPage(draft, normalizedPageText)) {
            return false;
        }
        String passage = TextNormalizer.normalize(draft.source().passage());
        if (draft.type() == QuestionType.TRUE_FALSE) {
            boolean truthValue = draft.answer().equals("true") || draft.answer().equals("false");
            // the topic is the term's usual form: "cells" grounds a statement about "cell"
            return truthValue && TextNormalizer.containsTokens(
                    TextNormalizer.normalizeLenient(draft.source().passage()),
                    TextNormalizer.normalizeLenient(draft.topic()));
        }
        return TextNormalizer.containsTokens(passage, TextNormalizer.normalize(draft.answer()));
    }

    private static boolean passageOnPage(QuestionDraft draft, String normalizedPageText) {
        if (draft.source() == null || draft.source().passage() == null || draft.source().passage().isBlank()) {
            return false;
        }
        return normalizedPageText == null
                || TextNormalizer.containsTokens(normalizedPageText,
                TextNormalizer.normalize(draft.source().passage()));
    }

    /** What is wrong with the choices offered, if anything. */
    public static Optional<String> distractorProblem(QuestionDraft draft) {
        List<String> options = draft.options();
        return switch (draft.type()) {
            case TRUE_FALSE -> options.equals(List.of("True", "False")) ? Optional.empty()
                    : Optional.of("true/false must offer exactly True and False");
            case FILL_IN_BLANK, SHORT_ANSWER -> options.isEmpty() ? Optional.empty()
                    : Optional.of("a typed answer offers no options");
            case MULTIPLE_CHOICE -> multipleChoiceProblem(draft.answer(), options);
        };
    }

    private static Optional<String> multipleChoiceProblem(String answer, List<String> options) {
        if (options.size() != 4) {
            return Optional.of("multiple choice needs four options, got " + options.size());
        }
        String key = TextNormalizer.normalizeLenient(answer);
        if (key.isEmpty()) {
            return Optional.of("blank answer");
        }
        Set<String> seen = new HashSet<>();
        int answerCount = 0;
        for (String option : options) {
            String normalized = TextNormalizer.normalizeLenient(option);
            if (normalized.isEmpty()) {
                return Optional.of("blank option");
            }
            if (!seen.add(normalized)) {
                return Optional.of("two options are the same: " + option);
            }
            if (normalized.equals(key)) {
                answerCount++;
            } else if (TextNormalizer.containsTokens(normalized, key)
                    || TextNormalizer.containsTokens(key, normalized)) {
                return Optional.of("distractor '" + option + "' overlaps the answer '" + answer + "'");
            }
        }
        return answerCount == 1 ? Optional.empty() : Optional.of("the answer is not among the options");
    }

    /**
     * Two questions ask the same thing: same passage with the same answer or topic, same type on the same topic, or
     * prompts whose content words overlap at or above the threshold (or a little less when the answers are equal).
     */
    public static boolean nearDuplicates(QuestionDraft a, QuestionDraft b, double threshold) {
        boolean sameAnswer = a.type() != QuestionType.TRUE_FALSE && b.type() != QuestionType.TRUE_FALSE
                && TextNormalizer.normalize(a.answer()).equals(TextNormalizer.normalize(b.answer()));
        boolean sameTopic = TextNormalizer.normalize(a.topic()).equals(TextNormalizer.normalize(b.topic()));
        boolean samePassage = TextNormalizer.normalize(a.source().passage())
                .equals(TextNormalizer.normalize(b.source().passage()));
        if ((samePassage && (sameAnswer || sameTopic)) || (sameTopic && a.type() == b.type())) {
            return true;
        }
        double similarity = TextNormalizer.jaccard(promptWords(a.prompt()), promptWords(b.prompt()));
        return similarity >= threshold || (sameAnswer && similarity >= threshold - SAME_ANSWER_ALLOWANCE);
    }

    static Set<String> promptWords(String prompt) {
        Set<String> words = TextNormalizer.contentTokens(prompt);
        words.removeIf(w -> INSTRUCTION_WORDS.contains(w) || StopWords.isStopWord(w));
        return words;
    }
}

package dev.lectavera.study.service.rag;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Deterministic condensing without a model. A question is a follow-up when it has no meaningful word of its own
 * ("Why?") or is short (at most {@value #SHORT_QUESTION_TERMS} meaningful words) and points back with a pronoun
 * ("How is it made?"). A follow-up gets the key words of the earlier questions it refers to appended: walking
 * back from the latest, up to and including the first question that stood alone. Anything else is unchanged.
 */
public final class OfflineCondenser implements QuestionCondenser {

    static final int SHORT_QUESTION_TERMS = 4;
    static final int MAX_ADDED_WORDS = 6;

    @Override
    public String condense(String question, List<Turn> history) {
        String own = question.strip();
        if (!isFollowUp(own)) {
            return own;
        }
        Set<String> ownStems = Terms.stems(own);
        Set<String> addedStems = new LinkedHashSet<>();
        List<String> added = new ArrayList<>();
        for (int i = history.size() - 1; i >= 0 && added.size() < MAX_ADDED_WORDS; i--) {
            Turn turn = history.get(i);
            if (!turn.fromUser()) {
                continue;
            }
            for (String word : Terms.contentWords(turn.content())) {
                String stem = Terms.stem(word);
                if (!ownStems.contains(stem) && addedStems.add(stem) && added.size() < MAX_ADDED_WORDS) {
                    added.add(word);
                }
            }
            if (!isFollowUp(turn.content().strip())) {
                break; // the question the follow-ups refer to
            }
        }
        return added.isEmpty() ? own : own + " " + String.join(" ", added);
    }

    static boolean isFollowUp(String question) {
        int terms = Terms.contentWords(question).size();
        return terms == 0 || (terms <= SHORT_QUESTION_TERMS && Terms.hasAnaphor(question));
    }
}

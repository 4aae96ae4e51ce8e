package dev.lectavera.demo;

import dev.lectavera.demo.client.Api;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How the demo takes a quiz: as a student with the book open. It sees what the quiz shows (the prompt, the
 * options, the page each question cites) and reads that page of its own document; it never sees the answer
 * key, which quiz-service hides until the attempt is graded. It finds the sentence of the page that best
 * matches the prompt and answers with what that sentence says and the prompt leaves out. It can be wrong
 * (a sentence matched badly, an ambiguous prompt): the graded attempt shows it.
 */
public final class OpenBookStudent {

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+(?:[.,'’][\\p{L}\\p{N}]+)*");
    private static final Pattern PARAGRAPH_BREAK = Pattern.compile("\\n\\s*\\n");
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?][\"”)]?)\\s+");
    private static final Set<String> EDGE_WORDS = Set.of("the", "a", "an", "is", "are", "was", "were", "called",
            "known", "as", "named", "by", "in", "of", "and", "to", "that", "which");
    private static final Set<String> FRAMING = Set.of("which", "option", "completes", "sentence", "true", "false",
            "or", "fill", "blank", "term", "described", "what", "whom", "year");

    /** The answer this student gives to {@code question}, having read {@code pageText} (the cited page). */
    public String answer(Api.Question question, String pageText) {
        String type = question.type() == null ? "" : question.type().toLowerCase(Locale.ROOT);
        String prompt = question.prompt() == null ? "" : question.prompt();
        List<String> options = question.options() == null ? List.of() : question.options();
        return switch (type) {
            case "true_false" -> trueOrFalse(prompt, pageText);
            case "multiple_choice" -> choose(prompt, options, pageText);
            default -> typed(prompt, pageText);
        };
    }

    String trueOrFalse(String prompt, String pageText) {
        String statement = prompt.replaceFirst("(?i)^\\s*true or false:\\s*", "");
        String wanted = normalize(statement).replaceAll("[.!?]+$", "");
        return normalize(pageText).contains(wanted) ? "true" : "false";
    }

    String choose(String prompt, List<String> options, String pageText) {
        if (options.isEmpty()) {
            return typed(prompt, pageText);
        }
        String missing = typed(prompt, pageText);
        for (String option : options) {
            if (normalize(option).equals(normalize(missing))) {
                return option;
            }
        }
        // No exact fit: the option sharing most words with what the page says there.
        Set<String> missingWords = new HashSet<>(words(missing));
        String best = options.getFirst();
        long bestShared = -1;
        for (String option : options) {
            long shared = words(option).stream().filter(missingWords::contains).count();
            if (shared > bestShared) {
                best = option;
                bestShared = shared;
            }
        }
        return best;
    }

    /** The words of the best-matching sentence that the prompt does not contain (the longest such run). */
    String typed(String prompt, String pageText) {
        Set<String> promptWords = new HashSet<>(words(prompt));
        String sentence = bestSentence(promptWords, pageText);
        if (sentence == null) {
            return "I don't know";
        }
        List<String> run = new ArrayList<>();
        List<String> bestRun = List.of();
        Matcher words = WORD.matcher(sentence);
        List<String> all = new ArrayList<>();
        while (words.find()) {
            all.add(words.group());
        }
        for (String word : all) {
            if (promptWords.contains(key(word))) {
                bestRun = longer(bestRun, trimEdges(run));
                run = new ArrayList<>();
            } else {
                run.add(word);
            }
        }
        bestRun = longer(bestRun, trimEdges(run));
        return bestRun.isEmpty() ? "I don't know" : String.join(" ", bestRun);
    }

    private static String bestSentence(Set<String> promptWords, String pageText) {
        String best = null;
        long bestScore = 0;
        for (String sentence : sentences(pageText)) {
            long score = words(sentence).stream().distinct()
                    .filter(w -> promptWords.contains(w) && !EDGE_WORDS.contains(w) && !FRAMING.contains(w))
                    .count();
            if (score > bestScore || (score == bestScore && best != null && sentence.length() < best.length())) {
                best = sentence;
                bestScore = score;
            }
        }
        return best;
    }

    /** Sentences of a page: a blank line (paragraph, heading) always ends one, wrapped lines are joined. */
    static List<String> sentences(String pageText) {
        List<String> sentences = new ArrayList<>();
        for (String paragraph : PARAGRAPH_BREAK.split(pageText)) {
            String joined = paragraph.replaceAll("\\s+", " ").strip();
            if (!joined.isEmpty()) {
                sentences.addAll(List.of(SENTENCE_END.split(joined)));
            }
        }
        return sentences;
    }

    private static List<String> trimEdges(List<String> run) {
        int from = 0;
        int to = run.size();
        while (from < to && EDGE_WORDS.contains(key(run.get(from)))) {
            from++;
        }
        while (to > from && EDGE_WORDS.contains(key(run.get(to - 1)))) {
            to--;
        }
        return run.subList(from, to);
    }

    private static List<String> longer(List<String> a, List<String> b) {
        return b.size() > a.size() ? List.copyOf(b) : a;
    }

    private static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        Matcher m = WORD.matcher(text);
        while (m.find()) {
            words.add(key(m.group()));
        }
        return words;
    }

    private static String key(String word) {
        return Normalizer.normalize(word, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT).replace('’', '\'');
    }

    private static String normalize(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT)
                .replace('’', '\'').replaceAll("\\s+", " ").strip();
    }
}

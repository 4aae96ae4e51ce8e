package dev.lectavera.quiz.generation.offline;

import dev.lectavera.quiz.generation.SourcePage;
import dev.lectavera.quiz.text.Sentence;
import dev.lectavera.quiz.text.SentenceSplitter;
import dev.lectavera.quiz.text.Token;
import dev.lectavera.quiz.text.Tokenizer;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** One document's pages, sentences and tokens, and its key-term vocabulary. */
public record DocumentAnalysis(UUID documentId, String title, List<AnalyzedPage> pages, Vocabulary vocabulary) {

    static final int MIN_WORDS = 6;
    static final int MAX_WORDS = 60;

    /** @param pages the pages of one document */
    public static DocumentAnalysis of(List<SourcePage> pages) {
        if (pages.isEmpty()) {
            throw new IllegalArgumentException("a document without pages");
        }
        List<AnalyzedPage> analyzed = new ArrayList<>(pages.size());
        for (SourcePage page : pages) {
            List<AnalyzedSentence> sentences = new ArrayList<>();
            for (Sentence sentence : SentenceSplitter.split(page.text())) {
                List<Token> tokens = Tokenizer.tokenize(sentence.text());
                sentences.add(new AnalyzedSentence(sentence, tokens, usable(sentence, tokens)));
            }
            analyzed.add(new AnalyzedPage(page, sentences));
        }
        SourcePage first = pages.getFirst();
        return new DocumentAnalysis(first.documentId(), first.title(), analyzed, KeyTermExtractor.extract(analyzed));
    }

    /**
     * A complete statement (ends with a full stop, starts with a capital, digit or quote) of 6 to 60 words, not
     * mostly numbers, without blanks or links: what a question can fairly be built on.
     */
    static boolean usable(Sentence sentence, List<Token> tokens) {
        String text = sentence.text();
        if (!sentence.isStatement() || text.indexOf('?') >= 0 || text.contains("_") || text.contains("http")) {
            return false;
        }
        char first = text.charAt(0);
        if (!(Character.isUpperCase(first) || Character.isDigit(first) || first == '"' || first == '\u201C')) {
            return false;
        }
        int words = sentence.wordCount();
        if (words < MIN_WORDS || words > MAX_WORDS || tokens.isEmpty()) {
            return false;
        }
        long numbers = tokens.stream().filter(Token::number).count();
        return numbers * 10 <= tokens.size() * 3L;
    }
}

package dev.lectavera.quiz.generation.model;

import dev.lectavera.quiz.generation.SourcePage;
import dev.lectavera.quiz.text.Sentence;
import dev.lectavera.quiz.text.SentenceSplitter;
import dev.lectavera.quiz.text.TextNormalizer;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Picks the passages a model sees: windows of consecutive sentences (up to {@link #MAX_CHARS} characters) taken
 * round-robin over the documents and, inside each, over pages spread through the document, so a model writes
 * questions on the whole selection, not its first pages. Deterministic.
 */
public final class PassageSampler {

    static final int MAX_CHARS = 600;
    static final int MIN_CHARS = 80;

    private PassageSampler() {
    }

    public static List<Passage> sample(List<SourcePage> pages, int max) {
        Map<UUID, List<Deque<Passage>>> byDocument = new LinkedHashMap<>();
        for (SourcePage page : pages) {
            Deque<Passage> windows = new ArrayDeque<>(windows(page));
            if (!windows.isEmpty()) {
                byDocument.computeIfAbsent(page.documentId(), d -> new ArrayList<>()).add(windows);
            }
        }
        List<List<Deque<Passage>>> documents = new ArrayList<>();
        for (List<Deque<Passage>> documentPages : byDocument.values()) {
            documents.add(spread(documentPages));
        }
        List<Passage> picked = new ArrayList<>();
        int[] pageTurn = new int[documents.size()];
        boolean progress = true;
        while (picked.size() < max && progress) {
            progress = false;
            for (int d = 0; d < documents.size() && picked.size() < max; d++) {
                List<Deque<Passage>> documentPages = documents.get(d);
                for (int tries = 0; tries < documentPages.size(); tries++) {
                    Deque<Passage> page = documentPages.get(pageTurn[d] % documentPages.size());
                    pageTurn[d]++;
                    if (!page.isEmpty()) {
                        Passage next = page.poll();
                        picked.add(new Passage("P" + (picked.size() + 1), next.page(), next.text(), next.start(),
                                next.end()));
                        progress = true;
                        break;
                    }
                }
            }
        }
        return picked;
    }

    /** Pages reordered so that consecutive turns land far apart (golden-ratio stride). */
    private static List<Deque<Passage>> spread(List<Deque<Passage>> pages) {
        int n = pages.size();
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            order.add(i);
        }
        order.sort((a, b) -> {
            int byFraction = Double.compare((a * 0.6180339887498949) % 1.0, (b * 0.6180339887498949) % 1.0);
            return byFraction != 0 ? byFraction : Integer.compare(a, b);
        });
        List<Deque<Passage>> spread = new ArrayList<>(n);
        for (int index : order) {
            spread.add(pages.get(index));
        }
        return spread;
    }

    /** Consecutive sentences of a page grouped into windows of at most {@link #MAX_CHARS} characters. */
    static List<Passage> windows(SourcePage page) {
        List<Passage> windows = new ArrayList<>();
        List<Sentence> sentences = SentenceSplitter.split(page.text());
        int i = 0;
        while (i < sentences.size()) {
            int start = sentences.get(i).start();
            int end = sentences.get(i).end();
            int j = i + 1;
            while (j < sentences.size() && sentences.get(j).end() - start <= MAX_CHARS) {
                end = sentences.get(j).end();
                j++;
            }
            String text = TextNormalizer.collapseWhitespace(page.text().substring(start, end));
            if (text.length() >= MIN_CHARS) {
                windows.add(new Passage("", page, text, start, end));
            }
            i = j;
        }
        return windows;
    }
}

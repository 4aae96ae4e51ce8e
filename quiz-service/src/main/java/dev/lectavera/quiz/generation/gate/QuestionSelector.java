package dev.lectavera.quiz.generation.gate;

import dev.lectavera.quiz.generation.QuestionDraft;
import dev.lectavera.quiz.generation.QuestionType;
import dev.lectavera.quiz.text.TextNormalizer;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Picks the quiz from the candidates, stratified so questions spread over documents, pages and types:
 * <ul>
 *     <li>the requested types take turns (slot i asks type i mod n; an exhausted type leaves the rotation);</li>
 *     <li>each type walks the documents round-robin (each type starting at a different document) and, inside a
 *     document, its pages in a low-discrepancy order (golden-ratio stride, each type starting at a different
 *     offset), so ten questions from a 300-page document come from ten pages spread across it;</li>
 *     <li>from a page it takes the best-fitting candidate it has not tried yet;</li>
 *     <li>every candidate goes through the {@link QualityGates}, plus the spread gate (no page holds more than
 *     ceil(count / pages) questions) and a variety rule counted as duplicate (no topic more than
 *     max(2, ceil(count / 10)) times).</li>
 * </ul>
 * It stops at the requested count or when the candidates run out; it never pads. Same input, same selection.
 */
public final class QuestionSelector {

    private static final double GOLDEN = 0.6180339887498949;

    private QuestionSelector() {
    }

    /**
     * @param accepted   the questions, in quiz order
     * @param examined   candidates put through the gates
     * @param rejections candidates each gate turned down
     * @param exhausted  requested types that ran out of candidates before the quiz was full
     */
    public record Selection(List<QuestionDraft> accepted, int examined, Map<Gate, Integer> rejections,
                            List<QuestionType> exhausted) {
    }

    public static Selection select(CandidateSource source, int count, List<QuestionType> types, QualityGates gates) {
        List<PageKey> pages = source.pages();
        Map<Gate, Integer> rejections = new EnumMap<>(Gate.class);
        List<QuestionDraft> accepted = new ArrayList<>();
        List<QuestionType> exhausted = new ArrayList<>();
        if (pages.isEmpty() || types.isEmpty() || count <= 0) {
            return new Selection(accepted, 0, rejections, List.copyOf(types));
        }
        int pageCap = (int) Math.ceil((double) count / pages.size());
        int topicCap = Math.max(2, (int) Math.ceil(count / 10.0));
        Map<PageKey, Integer> perPage = new HashMap<>();
        Map<String, Integer> perTopic = new HashMap<>();
        Map<PageKey, String> pageTexts = new HashMap<>();

        List<TypeStream> rotation = new ArrayList<>();
        for (int t = 0; t < types.size(); t++) {
            rotation.add(new TypeStream(types.get(t), t, types.size(), pages, source));
        }
        int examined = 0;
        int slot = 0;
        while (accepted.size() < count && !rotation.isEmpty()) {
            TypeStream stream = rotation.get(slot % rotation.size());
            boolean placed = false;
            while (!placed) {
                Optional<Candidate> next = stream.next();
                if (next.isEmpty()) {
                    exhausted.add(stream.type);
                    rotation.remove(stream);
                    break;
                }
                QuestionDraft draft = next.get().draft();
                examined++;
                PageKey page = new PageKey(draft.source().documentId(), draft.source().page());
                if (perPage.getOrDefault(page, 0) >= pageCap) {
                    rejections.merge(Gate.SPREAD, 1, Integer::sum);
                    continue;
                }
                String topic = TextNormalizer.normalize(draft.topic());
                if (perTopic.getOrDefault(topic, 0) >= topicCap) {
                    rejections.merge(Gate.DUPLICATE, 1, Integer::sum);
                    continue;
                }
                String pageText = pageTexts.computeIfAbsent(page, source::normalizedPageText);
                Optional<Gate> failed = gates.check(draft, pageText, accepted);
                if (failed.isPresent()) {
                    rejections.merge(failed.get(), 1, Integer::sum);
                    continue;
                }
                accepted.add(draft);
                perPage.merge(page, 1, Integer::sum);
                perTopic.merge(topic, 1, Integer::sum);
                placed = true;
            }
            if (placed) {
                slot++;
            }
        }
        return new Selection(accepted, examined, rejections, exhausted);
    }

    /** The candidates of one type in stratified order: documents round-robin, pages spread, best fit first. */
    private static final class TypeStream {

        private final QuestionType type;
        private final CandidateSource source;
        private final List<DocumentCursor> documents = new ArrayList<>();
        private int documentTurn;

        TypeStream(QuestionType type, int typeIndex, int typeCount, List<PageKey> pages, CandidateSource source) {
            this.type = type;
            this.source = source;
            Map<UUID, List<PageKey>> byDocument = new LinkedHashMap<>();
            for (PageKey page : pages) {
                byDocument.computeIfAbsent(page.documentId(), d -> new ArrayList<>()).add(page);
            }
            for (List<PageKey> documentPages : byDocument.values()) {
                documents.add(new DocumentCursor(spreadOrder(documentPages, typeIndex, typeCount)));
            }
            documentTurn = typeIndex % documents.size();
        }

        Optional<Candidate> next() {
            while (!documents.isEmpty()) {
                int index = documentTurn % documents.size();
                DocumentCursor document = documents.get(index);
                Optional<Candidate> candidate = document.next(type, source);
                if (candidate.isPresent()) {
                    documentTurn = index + 1;
                    return candidate;
                }
                documents.remove(index);
                documentTurn = index;
            }
            return Optional.empty();
        }
    }

    /** One document's pages for one type, visited in turn; a page's candidates are loaded on its first visit. */
    private static final class DocumentCursor {

        private final List<PageKey> pages;
        private final Map<PageKey, Deque<Candidate>> loaded = new HashMap<>();
        private int pageTurn;

        DocumentCursor(List<PageKey> pages) {
            this.pages = new ArrayList<>(pages);
        }

        Optional<Candidate> next(QuestionType type, CandidateSource source) {
            while (!pages.isEmpty()) {
                int index = pageTurn % pages.size();
                PageKey page = pages.get(index);
                Deque<Candidate> queue = loaded.computeIfAbsent(page,
                        p -> new ArrayDeque<>(source.candidates(p, type)));
                if (!queue.isEmpty()) {
                    pageTurn = index + 1;
                    return Optional.of(queue.poll());
                }
                pages.remove(index);
                loaded.remove(page);
                pageTurn = index;
            }
            return Optional.empty();
        }
    }

    /**
     * The pages in golden-ratio order (consecutive picks land far apart), rotated so that each type starts at a
     * different part of the document.
     */
    static List<PageKey> spreadOrder(List<PageKey> pages, int typeIndex, int typeCount) {
        int n = pages.size();
        List<Integer> indices = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            indices.add(i);
        }
        indices.sort(Comparator.comparingDouble((Integer i) -> (i * GOLDEN) % 1.0).thenComparingInt(i -> i));
        int offset = typeCount == 0 ? 0 : (int) ((long) typeIndex * n / typeCount);
        List<PageKey> ordered = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            ordered.add(pages.get(indices.get((i + offset) % n)));
        }
        return ordered;
    }
}

package dev.lectavera.quiz.client;

import dev.lectavera.quiz.config.QuizConfig;
import dev.lectavera.quiz.generation.SourcePage;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;

/**
 * Reads the page texts of documents from document-service, at most {@code lectavera.quiz.generation.page-concurrency}
 * requests at a time (virtual threads, one per page, gated by a semaphore): a 300-page document is read in parallel
 * without flooding document-service. A page document-service has no text for is skipped.
 *
 * <p>Bounded, since generation is the most expensive call: at most {@code max-pages-per-request} pages for the whole
 * request (shared fairly: a short document keeps all its pages, the longer ones split the rest), at most
 * {@code max-pages-per-document} of any one document (a longer one is sampled evenly), and at most
 * {@code max-page-characters} of each page (the rest of an over-long page is left out; offsets stay valid).
 */
@ApplicationScoped
public class DocumentPages {

    private final DocumentsGateway documents;
    private final QuizConfig.Generation config;

    DocumentPages(DocumentsGateway documents, QuizConfig config) {
        this.documents = documents;
        this.config = config.generation();
    }

    /** The documents' pages, document by document in page order, within the request's page budget. */
    public List<SourcePage> read(String authorization, List<DocumentInfo> sources) {
        List<Integer> shares = pageShares(sources.stream().map(d -> d.pageCount() == null ? 0 : d.pageCount())
                .toList(), config.maxPagesPerDocument(), config.maxPagesPerRequest());
        List<SourcePage> pages = new ArrayList<>();
        for (int i = 0; i < sources.size(); i++) {
            pages.addAll(read(authorization, sources.get(i), shares.get(i)));
        }
        return pages;
    }

    /** The document's pages in page order (evenly sampled beyond {@code maxPages}). */
    private List<SourcePage> read(String authorization, DocumentInfo document, int maxPages) {
        List<Integer> numbers = pageNumbers(document.pageCount() == null ? 0 : document.pageCount(), maxPages);
        Semaphore permits = new Semaphore(Math.max(1, config.pageConcurrency()));
        List<Future<PageText>> pending = new ArrayList<>(numbers.size());
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int number : numbers) {
                pending.add(executor.submit(() -> {
                    permits.acquire();
                    try {
                        return documents.page(authorization, document.id(), number);
                    } catch (DocumentNotFoundException missing) {
                        return null;
                    } finally {
                        permits.release();
                    }
                }));
            }
            List<SourcePage> pages = new ArrayList<>(numbers.size());
            for (Future<PageText> future : pending) {
                PageText page = await(future);
                if (page != null && page.text() != null && !page.text().isBlank()) {
                    pages.add(new SourcePage(document.id(), document.title(), page.page(),
                            capped(page.text(), config.maxPageCharacters())));
                }
            }
            return pages;
        }
    }

    /**
     * Pages to read of each document: each wants all its pages up to {@code perDocument}; the request's budget is
     * shared max-min fairly (documents wanting less than an equal share get all they want, the others split the
     * rest equally).
     */
    static List<Integer> pageShares(List<Integer> pageCounts, int perDocument, int perRequest) {
        int n = pageCounts.size();
        Integer[] bySmallestWish = new Integer[n];
        for (int i = 0; i < n; i++) {
            bySmallestWish[i] = i;
        }
        Arrays.sort(bySmallestWish, Comparator.comparingInt(pageCounts::get));
        int[] shares = new int[n];
        int left = Math.max(0, perRequest);
        for (int k = 0; k < n; k++) {
            int document = bySmallestWish[k];
            int wish = Math.min(Math.max(0, pageCounts.get(document)), perDocument);
            shares[document] = Math.min(wish, left / (n - k));
            left -= shares[document];
        }
        List<Integer> result = new ArrayList<>(n);
        for (int share : shares) {
            result.add(share);
        }
        return result;
    }

    /** The text's first {@code max} characters (never half a surrogate pair). */
    static String capped(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        int end = Character.isHighSurrogate(text.charAt(max - 1)) ? max - 1 : max;
        return text.substring(0, end);
    }

    /** 1..count, or {@code max} page numbers spread evenly over the document. */
    static List<Integer> pageNumbers(int count, int max) {
        List<Integer> numbers = new ArrayList<>();
        if (count <= max) {
            for (int page = 1; page <= count; page++) {
                numbers.add(page);
            }
            return numbers;
        }
        for (int i = 0; i < max; i++) {
            numbers.add(1 + (int) ((long) i * count / max));
        }
        return numbers;
    }

    private static PageText await(Future<PageText> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DocumentServiceUnavailableException("Interrupted while reading pages", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new DocumentServiceUnavailableException("Reading a page failed", e.getCause());
        }
    }
}

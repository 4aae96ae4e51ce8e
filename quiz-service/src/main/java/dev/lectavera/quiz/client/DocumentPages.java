package dev.lectavera.quiz.client;

import dev.lectavera.quiz.config.QuizConfig;
import dev.lectavera.quiz.generation.SourcePage;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
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
 */
@ApplicationScoped
public class DocumentPages {

    private final DocumentsGateway documents;
    private final QuizConfig.Generation config;

    DocumentPages(DocumentsGateway documents, QuizConfig config) {
        this.documents = documents;
        this.config = config.generation();
    }

    /** The document's pages in page order (evenly sampled beyond the per-document maximum). */
    public List<SourcePage> read(String authorization, DocumentInfo document) {
        List<Integer> numbers = pageNumbers(document.pageCount() == null ? 0 : document.pageCount(),
                config.maxPagesPerDocument());
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
                    pages.add(new SourcePage(document.id(), document.title(), page.page(), page.text()));
                }
            }
            return pages;
        }
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

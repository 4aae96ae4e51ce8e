package dev.lectavera.study.service.rag;

import java.util.List;

/**
 * Port for a web search provider, the last resort of corrective RAG when the documents have nothing. No
 * implementation ships with LectaVera and none is enabled, so a question the documents cannot answer gets
 * NOT_FOUND. An implementation (a CDI bean) would answer separately, labelled as web, and its results would
 * never be mixed into document citations.
 */
public interface WebSearch {

    record WebResult(String url, String title, String snippet) {
    }

    List<WebResult> search(String query, int limit);
}

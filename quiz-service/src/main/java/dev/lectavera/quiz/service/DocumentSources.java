package dev.lectavera.quiz.service;

import dev.lectavera.quiz.client.DocumentInfo;
import dev.lectavera.quiz.client.DocumentNotFoundException;
import dev.lectavera.quiz.client.DocumentPages;
import dev.lectavera.quiz.client.DocumentRequestRejectedException;
import dev.lectavera.quiz.client.DocumentServiceUnavailableException;
import dev.lectavera.quiz.client.DocumentsGateway;
import dev.lectavera.quiz.client.PageText;
import dev.lectavera.quiz.generation.SourcePage;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The caller's documents and page texts from document-service (with the caller's own token, so somebody else's
 * document is a 404), its failures turned into this service's problems. Used by quiz and flashcard generation and
 * by cards saved from a citation.
 */
@ApplicationScoped
public class DocumentSources {

    private final DocumentsGateway documents;
    private final DocumentPages pages;

    DocumentSources(DocumentsGateway documents, DocumentPages pages) {
        this.documents = documents;
        this.pages = pages;
    }

    /** The documents, each checked to be the caller's and indexed. */
    public List<DocumentInfo> indexedDocuments(String authorization, List<UUID> documentIds) {
        List<DocumentInfo> sources = new ArrayList<>();
        for (UUID documentId : documentIds) {
            DocumentInfo document = document(authorization, documentId);
            if (!document.indexed()) {
                throw QuizProblems.documentNotIndexed(documentId, document.status());
            }
            sources.add(document);
        }
        return sources;
    }

    public DocumentInfo document(String authorization, UUID documentId) {
        try {
            return documents.document(authorization, documentId);
        } catch (DocumentNotFoundException e) {
            throw QuizProblems.documentNotFound(documentId);
        } catch (DocumentServiceUnavailableException e) {
            throw QuizProblems.documentsUnavailable();
        } catch (DocumentRequestRejectedException e) {
            throw QuizProblems.documentsRefused(e.status());
        }
    }

    public List<SourcePage> pages(String authorization, List<DocumentInfo> sources) {
        try {
            return pages.read(authorization, sources);
        } catch (DocumentServiceUnavailableException e) {
            throw QuizProblems.documentsUnavailable();
        } catch (DocumentRequestRejectedException e) {
            throw QuizProblems.documentsRefused(e.status());
        }
    }

    /** One page's text; a page the document does not have is a 404 like an unknown document. */
    public PageText page(String authorization, UUID documentId, int page) {
        try {
            return documents.page(authorization, documentId, page);
        } catch (DocumentNotFoundException e) {
            throw QuizProblems.pageNotFound(documentId, page);
        } catch (DocumentServiceUnavailableException e) {
            throw QuizProblems.documentsUnavailable();
        } catch (DocumentRequestRejectedException e) {
            throw QuizProblems.documentsRefused(e.status());
        }
    }
}

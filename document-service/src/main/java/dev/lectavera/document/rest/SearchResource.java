package dev.lectavera.document.rest;

import dev.lectavera.document.repository.PageRepository.PageRef;
import dev.lectavera.document.service.DocumentService;
import dev.lectavera.document.service.SearchService;
import dev.lectavera.kit.user.CurrentUser;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Hybrid retrieval over the caller's documents; study-service and quiz-service call it with the user's token. */
@Path("/api/v1/documents/search")
@RolesAllowed("user")
@Tag(name = "documents")
public class SearchResource {

    private final SearchService search;
    private final DocumentService documents;
    private final CurrentUser user;

    SearchResource(SearchService search, DocumentService documents, CurrentUser user) {
        this.search = search;
        this.documents = documents;
        this.user = user;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Passages for a query: full text and vectors merged by reciprocal rank fusion",
            description = "Each passage carries its document, page and character offsets in that page's text.")
    public SearchResponse search(@NotNull @Valid SearchRequest request) {
        List<SearchService.Hit> hits = search.search(user.id(), request.query().strip(), request.documentIds(),
                request.topKOrDefault());
        Set<PageRef> doubtful = documents.lowConfidencePages(hits.stream()
                .map(hit -> new PageRef(hit.documentId(), hit.page())).collect(Collectors.toSet()));
        return new SearchResponse(hits.stream()
                .map(hit -> new SearchResponse.Result(hit.documentId(), hit.title(), hit.page(), hit.startOffset(),
                        hit.endOffset(), hit.text(), hit.score(), hit.similarity(),
                        doubtful.contains(new PageRef(hit.documentId(), hit.page()))))
                .toList());
    }
}

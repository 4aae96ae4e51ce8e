package dev.lectavera.document.rest;

import dev.lectavera.document.blob.BlobStore;
import dev.lectavera.document.model.Document;
import dev.lectavera.document.service.DocumentService;
import dev.lectavera.document.service.DocumentService.Changes;
import dev.lectavera.document.service.DocumentService.DocumentList;
import dev.lectavera.document.service.DocumentService.ListQuery;
import dev.lectavera.document.service.PdfSniffer;
import dev.lectavera.document.service.QuotaService;
import dev.lectavera.document.service.UploadService;
import dev.lectavera.document.service.UploadService.Uploaded;
import dev.lectavera.kit.user.CurrentUser;
import io.quarkiverse.resteasy.problem.HttpProblem;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** The caller's documents. Somebody else's document id answers 404 on every route. */
@Path("/api/v1/documents")
@RolesAllowed("user")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "documents")
public class DocumentResource {

    private static final String PDF = "application/pdf";

    private final UploadService uploads;
    private final DocumentService documents;
    private final BlobStore blobs;
    private final QuotaService quota;
    private final CurrentUser user;

    DocumentResource(UploadService uploads, DocumentService documents, BlobStore blobs, QuotaService quota,
                     CurrentUser user) {
        this.uploads = uploads;
        this.documents = documents;
        this.blobs = blobs;
        this.quota = quota;
        this.user = user;
    }

    @POST
    @QuotaChecked
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(summary = "Upload a PDF (multipart: file, optional title, category, tags)",
            description = "202 with the new document's id (processing starts in the background); 200 with the existing"
                    + " document when the same file was uploaded before; 413 over the size limit or the byte quota;"
                    + " 409 over the document quota (both quota_exceeded); 415 not a PDF.")
    public Response upload(@RestForm("file") FileUpload file,
                           @RestForm String title,
                           @RestForm String category,
                           @RestForm List<String> tags) throws IOException {
        List<String> tagList = splitTags(tags);
        new FormViolations()
                .check(file != null, "file", "a PDF is required in the form field 'file'")
                .check(title == null || (!title.isBlank() && title.strip().length() <= 200), "title",
                        "must be 1 to 200 characters, not blank")
                .check(category == null || category.strip().length() <= 64, "category", "must be at most 64 characters")
                .check(tagList.size() <= 20, "tags", "at most 20 tags")
                .check(tagList.stream().allMatch(t -> t.length() <= 40), "tags", "a tag has at most 40 characters")
                .throwIfAny();
        long max = uploads.maxUploadBytes();
        if (file.size() > max) {
            throw HttpProblem.builder().withStatus(Response.Status.REQUEST_ENTITY_TOO_LARGE)
                    .withTitle("File too large")
                    .withDetail("The file is " + megabytes(file.size()) + "; the limit is " + megabytes(max) + ".")
                    .with("maxBytes", max)
                    .build();
        }
        if (file.size() == 0 || !PdfSniffer.looksLikePdf(file.uploadedFile())) {
            throw HttpProblem.builder().withStatus(Response.Status.UNSUPPORTED_MEDIA_TYPE)
                    .withTitle("Not a PDF")
                    .withDetail("The file's content is not a PDF (it does not start with %PDF-). Only PDF files can"
                            + " be uploaded.")
                    .build();
        }
        Uploaded uploaded = uploads.upload(user.id(), file.uploadedFile(), new UploadService.Metadata(
                file.fileName(), title == null ? null : title.strip(),
                category == null || category.isBlank() ? null : category.strip(), tagList));
        Document document = uploaded.document();
        return Response.status(uploaded.created() ? Response.Status.ACCEPTED : Response.Status.OK)
                .entity(new UploadAccepted(document.id, document.status.name()))
                .build();
    }

    @GET
    @Operation(summary = "List documents, newest first (archived ones only with archived=true)")
    public DocumentListView list(@QueryParam("category") @Size(max = 64) String category,
                                 @QueryParam("tag") @Size(max = 40) String tag,
                                 // a String, not a Boolean: Boolean.valueOf reads "maybe" as false, silently
                                 @QueryParam("archived") @Pattern(regexp = "true|false", message = "must be true or false") String archived,
                                 @QueryParam("q") @Size(max = 200) String text,
                                 @QueryParam("page") @DefaultValue("0") @Min(0) @Max(10_000) int page,
                                 @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        DocumentList found = documents.list(user.id(), new ListQuery(blankToNull(category), blankToNull(tag),
                archived == null ? null : Boolean.valueOf(archived), blankToNull(text), page, size));
        return new DocumentListView(found.items().stream().map(DocumentView::of).toList(), page, size, found.total());
    }

    @GET
    @Path("usage")
    @Operation(summary = "The caller's storage against the quota: {bytesUsed, bytesQuota, documents, documentsQuota}")
    public UsageView usage() {
        return UsageView.of(quota.report(user.id()));
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One document")
    public DocumentView get(@RestPath UUID id) {
        return DocumentView.of(documents.get(user.id(), id));
    }

    @GET
    @Path("{id}/status")
    @Operation(summary = "Processing status (Redis first, the database behind it)")
    public StatusView status(@RestPath UUID id) {
        return StatusView.of(documents.status(user.id(), id));
    }

    @GET
    @Path("{id}/file")
    @Produces(PDF)
    @Operation(summary = "Download the original PDF")
    public Response file(@RestPath UUID id) {
        Document document = documents.get(user.id(), id);
        if (!blobs.exists(document.blobKey)) {
            throw new NotFoundException("The file of document " + id + " is missing");
        }
        String key = document.blobKey;
        StreamingOutput body = out -> {
            try (InputStream in = blobs.open(key)) {
                in.transferTo(out);
            }
        };
        return Response.ok(body, PDF)
                .header(HttpHeaders.CONTENT_LENGTH, document.sizeBytes)
                .header("Content-Disposition", contentDisposition(document.title))
                .build();
    }

    @GET
    @Path("{id}/pages/{page}")
    @Operation(summary = "Text of one page (search offsets point into it) and how it was obtained (text layer or OCR)")
    public PageView page(@RestPath UUID id, @RestPath @Min(1) int page) {
        return PageView.of(id, documents.page(user.id(), id, page));
    }

    @PATCH
    @Path("{id}")
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    @Operation(summary = "Change title, category, tags or archived (a change bumps the version)")
    public DocumentView update(@RestPath UUID id, @NotNull @Valid DocumentPatch patch) {
        return DocumentView.of(documents.update(user.id(), id,
                new Changes(patch.title(), patch.category(), patch.tags(), patch.archived())));
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Delete the document, its file, pages, chunks, vectors and cached state")
    public Response delete(@RestPath UUID id) {
        documents.delete(user.id(), id);
        return Response.noContent().build();
    }

    /** Tags come as repeated form fields, comma-separated values, or both. */
    static List<String> splitTags(List<String> raw) {
        if (raw == null) {
            return new ArrayList<>();
        }
        List<String> tags = new ArrayList<>();
        for (String value : raw) {
            if (value != null) {
                tags.addAll(Arrays.asList(value.split(",")));
            }
        }
        return DocumentService.normalizeTags(tags);
    }

    static String contentDisposition(String title) {
        String base = title.replaceAll("[\\p{Cntrl}\"\\\\/]", "").strip();
        if (base.isEmpty()) {
            base = "document";
        }
        String filename = base.toLowerCase(java.util.Locale.ROOT).endsWith(".pdf") ? base : base + ".pdf";
        String ascii = filename.replaceAll("[^\\x20-\\x7E]", "_");
        String encoded = URLEncoder.encode(filename, StandardCharsets.UTF_8).replace("+", "%20");
        return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
    }

    private static String megabytes(long bytes) {
        return String.format(java.util.Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}

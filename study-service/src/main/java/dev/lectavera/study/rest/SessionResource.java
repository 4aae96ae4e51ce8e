package dev.lectavera.study.rest;

import dev.lectavera.kit.user.CurrentUser;
import dev.lectavera.study.model.SessionRow;
import dev.lectavera.study.model.SessionStatus;
import dev.lectavera.study.service.ArchiveService;
import dev.lectavera.study.service.AskService;
import dev.lectavera.study.service.AskTimings;
import dev.lectavera.study.service.ChatLog;
import dev.lectavera.study.service.SessionService;
import io.quarkiverse.resteasy.problem.HttpProblem;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestResponse;

import java.util.Locale;
import java.util.UUID;

/** The caller's study sessions and their messages. Somebody else's session id answers 404 on every route. */
@Path("/api/v1/study/sessions")
@RolesAllowed("user")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "study")
public class SessionResource {

    private final SessionService sessions;
    private final ArchiveService archives;
    private final ChatLog chatLog;
    private final AskService asks;
    private final CurrentUser user;

    SessionResource(SessionService sessions, ArchiveService archives, ChatLog chatLog, AskService asks,
                    CurrentUser user) {
        this.sessions = sessions;
        this.archives = archives;
        this.chatLog = chatLog;
        this.asks = asks;
        this.user = user;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Start a session over some of your indexed documents",
            description = "201 with the session. 404 names a document that is not yours or does not exist; 400 names"
                    + " one that is not INDEXED yet.")
    public Response create(@NotNull @Valid CreateSession body, UriInfo uri) {
        SessionRow created = sessions.create(user.id(), user.accessToken(), body.title(), body.documentIds());
        return Response.created(uri.getAbsolutePathBuilder().path(created.id().toString()).build())
                .entity(SessionView.of(created)).build();
    }

    @GET
    @Operation(summary = "Your sessions, newest first (status: ACTIVE or ARCHIVED to filter)")
    public SessionListView list(@QueryParam("status") String status,
                                @QueryParam("page") @DefaultValue("0") @Min(0) @Max(10_000) int page,
                                @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        SessionService.SessionList found = sessions.list(user.id(), status(status), page, size);
        return new SessionListView(found.items().stream().map(SessionView::of).toList(), page, size, found.total());
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One session")
    public SessionView get(@RestPath UUID id) {
        return SessionView.of(sessions.get(user.id(), id));
    }

    @PATCH
    @Path("{id}")
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    @Operation(summary = "Change the title and/or the documents (409 when archived)")
    public SessionView update(@RestPath UUID id, @NotNull @Valid SessionPatch patch) {
        return SessionView.of(sessions.update(user.id(), user.accessToken(), id, patch.title(),
                patch.documentIds()));
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Delete the session and all its messages")
    public Response delete(@RestPath UUID id) {
        sessions.delete(user.id(), id);
        return Response.noContent().build();
    }

    @POST
    @Path("{id}/archive")
    @Operation(summary = "Close the session (emits ChatArchived once); its history stays readable")
    public SessionView archive(@RestPath UUID id) {
        return SessionView.of(archives.archive(user.id(), id));
    }

    @GET
    @Path("{id}/messages")
    @Operation(summary = "Poll: messages after a message id (oldest first), or the newest ones without 'after'",
            description = "Served from the Redis live window when it covers the request, else from PostgreSQL.")
    public MessagePage messages(@RestPath UUID id, @QueryParam("after") String after,
                                @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(200) int limit) {
        SessionRow session = sessions.get(user.id(), id);
        ChatLog.Page page = chatLog.poll(session, messageId(after), limit);
        return new MessagePage(MessageView.of(page.messages()), page.hasMore());
    }

    @GET
    @Path("{id}/history")
    @Operation(summary = "The whole transcript (archived or live session), oldest first, paged with 'after'")
    public HistoryView history(@RestPath UUID id, @QueryParam("after") String after,
                               @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(500) int limit) {
        SessionRow session = sessions.get(user.id(), id);
        ChatLog.Page page = chatLog.history(session, messageId(after), limit);
        return new HistoryView(SessionView.of(session), MessageView.of(page.messages()), page.hasMore());
    }

    @POST
    @Path("{id}/messages")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Ask without a WebSocket: stores the question, answers it (not streamed), returns both",
            description = "WebSocket viewers of the session see the exchange live. 429 over 20 questions a minute;"
                    + " 409 on an archived session; 503 when document-service is unavailable.")
    public RestResponse<Exchange> ask(@RestPath UUID id, @NotNull @Valid AskRequest body) {
        AskTimings timings = new AskTimings();
        AskService.Answered answered = asks.ask(user.id(), user.accessToken(), id, body.content().strip(), timings);
        return RestResponse.ResponseBuilder.ok(new Exchange(MessageView.of(answered.question()),
                MessageView.of(answered.answer()))).header(ServerTiming.HEADER, ServerTiming.steps(timings)).build();
    }

    private static SessionStatus status(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return SessionStatus.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw badParameter("status", "must be ACTIVE or ARCHIVED");
        }
    }

    private static UUID messageId(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(value.strip());
        } catch (IllegalArgumentException e) {
            throw badParameter("after", "must be a message id (UUID)");
        }
    }

    private static HttpProblem badParameter(String name, String message) {
        return HttpProblem.builder().withStatus(Response.Status.BAD_REQUEST).withTitle("Bad Request")
                .withDetail(name + " " + message).with("field", name).build();
    }
}

package dev.lectavera.quiz.rest;

import dev.lectavera.kit.user.CurrentUser;
import dev.lectavera.quiz.generation.Difficulty;
import dev.lectavera.quiz.generation.QuestionType;
import dev.lectavera.quiz.service.AnswerSubmission;
import dev.lectavera.quiz.service.AttemptService;
import dev.lectavera.quiz.service.GenerateCommand;
import dev.lectavera.quiz.service.QuizDetails;
import dev.lectavera.quiz.service.QuizService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
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

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;

/** The caller's quizzes and attempts. Somebody else's quiz or attempt id answers 404 on every route. */
@Path("/api/v1/quiz")
@RolesAllowed("user")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "quiz")
public class QuizResource {

    private final QuizService quizzes;
    private final AttemptService attempts;
    private final CurrentUser user;

    QuizResource(QuizService quizzes, AttemptService attempts, CurrentUser user) {
        this.quizzes = quizzes;
        this.attempts = attempts;
        this.user = user;
    }

    @POST
    @Path("generate")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Generate a quiz from 1-10 of the caller's indexed documents",
            description = "201 with the quiz (no answers). Every question cites its document, page and passage (the"
                    + " answer blanked until the first attempt). Fewer questions than requested come with"
                    + " generation.shortfall; 404 for a document that is not the caller's, 400 for one not indexed,"
                    + " 422 when nothing could be asked, 503 when document-service is unavailable.")
    public Response generate(@NotNull @Valid GenerateQuizRequest request, UriInfo uri) {
        List<QuestionType> types = request.types() == null ? Arrays.asList(QuestionType.values())
                : new LinkedHashSet<>(request.types()).stream().map(t -> QuestionType.fromWire(t).orElseThrow())
                .toList();
        Difficulty difficulty = request.difficulty() == null ? Difficulty.MEDIUM
                : Difficulty.fromWire(request.difficulty()).orElseThrow();
        GenerateCommand command = new GenerateCommand(List.copyOf(new LinkedHashSet<>(request.documentIds())),
                request.count(), difficulty, types);
        QuizDetails quiz = quizzes.generate(user.id(), user.authorization(), command);
        return Response.created(uri.getAbsolutePathBuilder().replacePath("/api/v1/quiz/" + quiz.quiz().id()).build())
                .entity(QuizViews.quiz(quiz)).build();
    }

    @GET
    @Operation(summary = "The caller's quizzes, newest first, each with its attempt count and best score")
    public QuizListView list(@QueryParam("page") @DefaultValue("0") @Min(0) @Max(10_000) int page,
                             @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        QuizService.QuizPage found = quizzes.list(user.id(), page, size);
        return new QuizListView(found.items().stream().map(QuizViews::summary).toList(), page, size, found.total());
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One quiz",
            description = "Without answers until the caller has attempted it; from then on with every answer,"
                    + " explanation and unmasked passage.")
    public QuizView get(@RestPath UUID id) {
        return QuizViews.quiz(quizzes.get(user.id(), id));
    }

    @POST
    @Path("{id}/attempts")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Submit answers: 201 with the graded attempt",
            description = "Score (one point per question), and per question: correct, your answer, the right"
                    + " answer, an explanation and the cited page and passage. 400 for a questionId not in the quiz.")
    public Response submit(@RestPath UUID id, @NotNull @Valid SubmitAttemptRequest request, UriInfo uri) {
        List<AnswerSubmission> answers = request.answers().stream()
                .map(a -> new AnswerSubmission(a.questionId(), a.answer())).toList();
        AttemptView attempt = QuizViews.attempt(attempts.submit(user.id(), id, answers, request.timeSpentSeconds()));
        return Response.created(uri.getAbsolutePathBuilder().path(attempt.id().toString()).build())
                .entity(attempt).build();
    }

    @GET
    @Path("{id}/attempts")
    @Operation(summary = "The caller's attempts at a quiz, newest first")
    public AttemptListView attempts(@RestPath UUID id,
                                    @QueryParam("page") @DefaultValue("0") @Min(0) @Max(10_000) int page,
                                    @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        AttemptService.AttemptPage found = attempts.list(user.id(), id, page, size);
        return new AttemptListView(found.items().stream().map(QuizViews::attemptSummary).toList(), page, size,
                found.total());
    }

    @GET
    @Path("{id}/attempts/{attemptId}")
    @Operation(summary = "One graded attempt")
    public AttemptView attempt(@RestPath UUID id, @RestPath UUID attemptId) {
        return QuizViews.attempt(attempts.get(user.id(), id, attemptId));
    }
}

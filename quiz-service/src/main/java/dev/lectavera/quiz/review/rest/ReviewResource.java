package dev.lectavera.quiz.review.rest;

import dev.lectavera.kit.user.CurrentUser;
import dev.lectavera.quiz.review.fsrs.CardState;
import dev.lectavera.quiz.review.fsrs.Rating;
import dev.lectavera.quiz.review.model.Card;
import dev.lectavera.quiz.review.repository.CardRepository.CardFilter;
import dev.lectavera.quiz.review.service.CardService;
import dev.lectavera.quiz.review.service.ReviewService;
import dev.lectavera.quiz.review.service.ReviewSettingsService;
import dev.lectavera.quiz.review.service.ReviewStatsService;
import dev.lectavera.quiz.review.service.SourcedCards;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;

import java.net.URI;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;
import java.util.function.ToDoubleFunction;

/**
 * Spaced review (FSRS-6): the caller's cards, the due queue, reviews, settings and statistics. Mounted under the
 * quiz API's path, so the gateway's quiz route carries it. Somebody else's card answers 404 on every route.
 */
@Path("/api/v1/quiz/review")
@RolesAllowed("user")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "review")
public class ReviewResource {

    private final CardService cards;
    private final SourcedCards sourced;
    private final ReviewService reviews;
    private final ReviewSettingsService settings;
    private final ReviewStatsService stats;
    private final CurrentUser user;

    ReviewResource(CardService cards, SourcedCards sourced, ReviewService reviews, ReviewSettingsService settings,
                   ReviewStatsService stats, CurrentUser user) {
        this.cards = cards;
        this.sourced = sourced;
        this.reviews = reviews;
        this.settings = settings;
        this.stats = stats;
        this.user = user;
    }

    @GET
    @Path("queue")
    @Operation(summary = "The due queue",
            description = "Cards due today (day intervals due by the end of the caller's day, learning steps once"
                    + " due), most overdue first, then new cards, oldest first, within what is left of today's"
                    + " limits; each with the due time every rating would give it now.")
    public QueueView queue(@QueryParam("documentId") UUID documentId,
                           @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(500) int limit) {
        return ReviewViews.queue(reviews.queue(user.id(), documentId, limit));
    }

    @GET
    @Path("cards")
    @Operation(summary = "The caller's cards, newest first; filter by document, state, suspended")
    public CardListView list(@QueryParam("documentId") UUID documentId,
                             @QueryParam("state") @Pattern(regexp = "new|learning|review|relearning",
                                     message = "must be one of new, learning, review, relearning") String state,
                             @QueryParam("suspended") Boolean suspended,
                             @QueryParam("page") @DefaultValue("0") @Min(0) @Max(10_000) int page,
                             @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        CardFilter filter = new CardFilter(documentId, state == null ? null : CardState.fromWire(state), suspended);
        CardService.CardPage found = cards.list(user.id(), filter, page, size);
        return new CardListView(views(found.items()), page, size, found.total());
    }

    @GET
    @Path("cards/{id}")
    @Operation(summary = "One card")
    public CardView get(@RestPath UUID id) {
        return view(cards.get(user.id(), id));
    }

    @POST
    @Path("cards/{id}/reviews")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Review a card",
            description = "A rating (again, hard, good, easy) and/or the answer the student typed, graded as quiz"
                    + " answers are (correct suggests good, wrong again; alone it decides the rating). FSRS-6 moves"
                    + " the card; the review is logged. 400 for a suspended card or neither rating nor answer.")
    public ReviewResultView review(@RestPath UUID id, @NotNull @Valid ReviewRequest request) {
        ReviewService.Reviewed reviewed = reviews.review(user.id(), id,
                request.rating() == null ? null : Rating.fromWire(request.rating()).orElseThrow(), request.answer());
        return ReviewViews.reviewed(reviewed, reviews.retrievabilityNow(user.id()).applyAsDouble(reviewed.card()));
    }

    @POST
    @Path("cards/{id}/suspend")
    @Operation(summary = "Take a card out of the queue")
    public CardView suspend(@RestPath UUID id) {
        return view(cards.setSuspended(user.id(), id, true));
    }

    @POST
    @Path("cards/{id}/unsuspend")
    @Operation(summary = "Put a suspended card back in the queue (not one whose document was deleted)")
    public CardView unsuspend(@RestPath UUID id) {
        return view(cards.setSuspended(user.id(), id, false));
    }

    @DELETE
    @Path("cards/{id}")
    @Operation(summary = "Delete a card and its review history")
    public Response delete(@RestPath UUID id) {
        cards.delete(user.id(), id);
        return Response.noContent().build();
    }

    @POST
    @Path("cards/from-question")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Save a quiz question as a card",
            description = "201 with the new card, 200 with the caller's existing card asking the same thing. 404 for a"
                    + " question not of the caller's quizzes, 409 before the quiz's first attempt.")
    public Response fromQuestion(@NotNull @Valid CardRequests.FromQuestion request, UriInfo uri) {
        return saved(cards.saveQuestion(user.id(), request.questionId()), uri);
    }

    @POST
    @Path("cards/from-citation")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Save a chat answer's citation as a card",
            description = "The quote must be on the cited page (at the offsets, when given): 422 otherwise; 404 for a"
                    + " document or page that is not the caller's. 201 new, 200 when the caller already has it.")
    public Response fromCitation(@NotNull @Valid CardRequests.FromCitation request, UriInfo uri) {
        return saved(sourced.saveCitation(user.id(), user.authorization(), new SourcedCards.Citation(
                request.documentId(), request.page(), request.quote(), request.startOffset(), request.endOffset(),
                request.prompt(), request.answer())), uri);
    }

    @POST
    @Path("flashcards")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Generate flashcards from documents",
            description = "Key terms and their defining sentences (the quiz generator and its quality gates): every"
                    + " answer is on its cited page; a card the caller already has is not made again. 201; 422 when"
                    + " nothing could be made.")
    public Response flashcards(@NotNull @Valid CardRequests.Flashcards request) {
        SourcedCards.Generated generated = sourced.generate(user.id(), user.authorization(),
                List.copyOf(new LinkedHashSet<>(request.documentIds())),
                request.count() == null ? 10 : request.count());
        return Response.status(Response.Status.CREATED).entity(new FlashcardsView(views(generated.created()),
                generated.duplicates(), generated.generator())).build();
    }

    @GET
    @Path("settings")
    @Operation(summary = "The caller's review settings")
    public SettingsView getSettings() {
        return ReviewViews.settings(settings.get(user.id()));
    }

    @PUT
    @Path("settings")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change review settings",
            description = "desiredRetention 0.70-0.97 (default 0.90), newPerDay 0-1000 (20), reviewsPerDay 0-10000"
                    + " (200), timeZone (UTC); a field left out keeps its value.")
    public SettingsView putSettings(@NotNull @Valid SettingsRequest request) {
        return ReviewViews.settings(settings.update(user.id(), request.desiredRetention(), request.newPerDay(),
                request.reviewsPerDay(), request.timeZone()));
    }

    @GET
    @Path("stats")
    @Operation(summary = "Review statistics",
            description = "Reviews per day, true retention against the desired one, the due forecast for the next 30"
                    + " days and cards per state.")
    public StatsView stats() {
        return ReviewViews.stats(stats.stats(user.id()));
    }

    private List<CardView> views(List<Card> cards) {
        ToDoubleFunction<Card> retrievability = reviews.retrievabilityNow(user.id());
        return cards.stream().map(card -> ReviewViews.card(card, retrievability.applyAsDouble(card))).toList();
    }

    private CardView view(Card card) {
        return ReviewViews.card(card, reviews.retrievabilityNow(user.id()).applyAsDouble(card));
    }

    private Response saved(CardService.Saved saved, UriInfo uri) {
        CardView view = view(saved.card());
        if (!saved.created()) {
            return Response.ok(view).build();
        }
        return Response.created(URI.create(uri.getBaseUri().resolve("/api/v1/quiz/review/cards/" + view.id())
                .toString())).entity(view).build();
    }
}

package dev.lectavera.analytics.rest;

import dev.lectavera.analytics.service.ActivitySeries;
import dev.lectavera.analytics.service.ActivityService;
import dev.lectavera.analytics.service.InvalidParameterException;
import dev.lectavera.analytics.service.Overview;
import dev.lectavera.analytics.service.OverviewService;
import dev.lectavera.analytics.service.QueryStatistics;
import dev.lectavera.analytics.service.QueryStatisticsService;
import dev.lectavera.analytics.service.ReviewStatistics;
import dev.lectavera.analytics.service.ReviewStatisticsService;
import dev.lectavera.analytics.service.QuizPerformance;
import dev.lectavera.analytics.service.QuizPerformanceService;
import dev.lectavera.kit.user.CurrentUser;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * The student's own figures. There is no user id in any URL: the user is the verified token's
 * {@code sub}, so nobody can ask for someone else's figures.
 */
@Path("/api/v1/analytics")
@RolesAllowed("user")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "analytics")
public class AnalyticsResource {

    private static final String TZ_DOC = "IANA time zone id for day boundaries (default UTC), e.g. Europe/Paris";

    private final CurrentUser user;
    private final OverviewService overviewService;
    private final ActivityService activityService;
    private final QuizPerformanceService quizPerformanceService;
    private final QueryStatisticsService queryStatisticsService;
    private final ReviewStatisticsService reviewStatisticsService;

    AnalyticsResource(CurrentUser user, OverviewService overviewService, ActivityService activityService,
                      QuizPerformanceService quizPerformanceService, QueryStatisticsService queryStatisticsService,
                      ReviewStatisticsService reviewStatisticsService) {
        this.user = user;
        this.overviewService = overviewService;
        this.activityService = activityService;
        this.quizPerformanceService = quizPerformanceService;
        this.queryStatisticsService = queryStatisticsService;
        this.reviewStatisticsService = reviewStatisticsService;
    }

    @GET
    @Path("/overview")
    @Operation(summary = "All-time totals, scores, minutes studied and daily streaks")
    public Overview overview(@QueryParam("tz") @Parameter(description = TZ_DOC) String tz) {
        return overviewService.overview(user.id(), tz);
    }

    @GET
    @Path("/activity")
    @Operation(summary = "Questions, quizzes and minutes per day or week of [from, to], zero-filled")
    public ActivitySeries activity(
            @QueryParam("from") @Parameter(description = "first day, ISO date (default: to - 29 days)") String from,
            @QueryParam("to") @Parameter(description = "last day, ISO date (default: today)") String to,
            @QueryParam("granularity") @Parameter(description = "day (default) or week") String granularity,
            @QueryParam("tz") @Parameter(description = TZ_DOC) String tz) {
        return activityService.activity(user.id(), date("from", from), date("to", to), granularity, tz);
    }

    @GET
    @Path("/quiz-performance")
    @Operation(summary = "Scores over time, per document and per topic; weakest topics with pages to review")
    public QuizPerformance quizPerformance() {
        return quizPerformanceService.performance(user.id());
    }

    @GET
    @Path("/queries")
    @Operation(summary = "Question latency percentiles, cache hit rate, verdicts, models and tokens")
    public QueryStatistics queries(
            @QueryParam("from") @Parameter(description = "first day, ISO date (default: open)") String from,
            @QueryParam("to") @Parameter(description = "last day, ISO date (default: open)") String to,
            @QueryParam("tz") @Parameter(description = TZ_DOC) String tz) {
        return queryStatisticsService.statistics(user.id(), date("from", from), date("to", to), tz);
    }

    @GET
    @Path("/review")
    @Operation(summary = "Spaced review: reviews per day, true retention, 30-day due forecast, mastery per topic")
    public ReviewStatistics review(@QueryParam("tz") @Parameter(description = TZ_DOC) String tz) {
        return reviewStatisticsService.statistics(user.id(), tz);
    }

    private static LocalDate date(String parameter, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw new InvalidParameterException(parameter, "must be an ISO date (yyyy-MM-dd)");
        }
    }
}

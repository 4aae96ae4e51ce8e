package dev.lectavera.analytics.service;

import dev.lectavera.analytics.config.AnalyticsConfig;
import dev.lectavera.analytics.repository.ActivityQueries;
import dev.lectavera.analytics.repository.TimeRange;
import dev.lectavera.kit.jdbc.Database;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

@ApplicationScoped
public class ActivityService {

    /** The longest series one request may ask for: a leap year of days. */
    public static final int MAX_DAYS = 366;
    /** Without from/to: the last 30 days, today included. */
    public static final int DEFAULT_DAYS = 30;

    private final Database database;
    private final ActivityQueries queries;
    private final TimeZones timeZones;
    private final AnalyticsConfig config;
    private final Clock clock;

    ActivityService(Database database, ActivityQueries queries, TimeZones timeZones, AnalyticsConfig config,
                    Clock clock) {
        this.database = database;
        this.queries = queries;
        this.timeZones = timeZones;
        this.config = config;
        this.clock = clock;
    }

    /**
     * @param from first local day, inclusive (default: {@code to} − 29 days)
     * @param to   last local day, inclusive (default: today in {@code tz})
     */
    public ActivitySeries activity(UUID userId, LocalDate from, LocalDate to, String granularityParam, String tz) {
        Granularity granularity = Granularity.parse(granularityParam);
        ZoneId zone = timeZones.resolve(tz);
        LocalDate last = to != null ? to : LocalDate.now(clock.withZone(zone));
        LocalDate first = from != null ? from : last.minusDays(DEFAULT_DAYS - 1);
        if (first.isAfter(last)) {
            throw new InvalidParameterException("from", "must not be after to");
        }
        if (ChronoUnit.DAYS.between(first, last) + 1 > MAX_DAYS) {
            throw new InvalidParameterException("to", "the range may span at most " + MAX_DAYS + " days");
        }
        TimeRange range = new TimeRange(first, last, zone.getId());
        var days = database.withConnection(c -> queries.daily(c, userId, range, config.chatSessionCap()));
        return new ActivitySeries(first, last, granularity.label(), zone.getId(),
                ActivitySeriesBuilder.build(first, last, granularity, days));
    }
}

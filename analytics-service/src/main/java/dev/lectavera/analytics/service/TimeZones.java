package dev.lectavera.analytics.service;

import dev.lectavera.analytics.repository.DatabaseTimeZones;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.ZoneId;

/**
 * The {@code tz} parameter: an IANA region id (e.g. {@code Europe/Paris}, {@code UTC}), known to both
 * Java and PostgreSQL, which buckets the days. Offset notations such as {@code +02:00} are refused:
 * PostgreSQL reads POSIX offsets with the opposite sign, a silent off-by-hours trap.
 */
@ApplicationScoped
public class TimeZones {

    public static final String DEFAULT = "UTC";

    private final DatabaseTimeZones databaseZones;

    TimeZones(DatabaseTimeZones databaseZones) {
        this.databaseZones = databaseZones;
    }

    public ZoneId resolve(String tz) {
        String id = tz == null || tz.isBlank() ? DEFAULT : tz.trim();
        if (!ZoneId.getAvailableZoneIds().contains(id) || !databaseZones.knows(id)) {
            throw new InvalidParameterException("tz", "must be an IANA time zone id such as Europe/Paris or UTC");
        }
        return ZoneId.of(id);
    }
}

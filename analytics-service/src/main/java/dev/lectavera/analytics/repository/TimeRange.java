package dev.lectavera.analytics.repository;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Local calendar days [from, to] in an IANA time zone; either end may be open (null). PostgreSQL
 * turns the days into instants itself ({@code date::timestamp AT TIME ZONE zone}), so the range and
 * the day buckets computed in SQL follow the same zone rules, daylight-saving changes included.
 */
public record TimeRange(LocalDate from, LocalDate to, String zone) {

    /** A SQL condition on {@code column} (an indexed timestamptz) and its parameters, in order. */
    Condition condition(String column) {
        StringBuilder sql = new StringBuilder();
        List<Object> params = new ArrayList<>();
        if (from != null) {
            sql.append(" AND ").append(column).append(" >= (CAST(? AS date))::timestamp AT TIME ZONE ?");
            params.add(from);
            params.add(zone);
        }
        if (to != null) {
            sql.append(" AND ").append(column).append(" < (CAST(? AS date) + 1)::timestamp AT TIME ZONE ?");
            params.add(to);
            params.add(zone);
        }
        return new Condition(sql.toString(), params);
    }

    record Condition(String sql, List<Object> params) {
    }
}

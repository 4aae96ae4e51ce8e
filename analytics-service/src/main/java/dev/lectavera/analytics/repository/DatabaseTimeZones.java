package dev.lectavera.analytics.repository;

import dev.lectavera.kit.jdbc.Database;
import dev.lectavera.kit.jdbc.Sql;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.HashSet;
import java.util.Set;

/** The IANA zone names PostgreSQL knows (its view is slow to scan, so it is read once). */
@ApplicationScoped
public class DatabaseTimeZones {

    private final Database database;
    private volatile Set<String> names;

    DatabaseTimeZones(Database database) {
        this.database = database;
    }

    public boolean knows(String zone) {
        Set<String> known = names;
        if (known == null) {
            known = database.withConnection(c -> new HashSet<>(
                    Sql.query(c, "SELECT name FROM pg_timezone_names", row -> row.getString("name"))));
            names = known;
        }
        return known.contains(zone);
    }
}

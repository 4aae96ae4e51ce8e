package dev.lectavera.outbox;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.ResourceProvider;
import org.flywaydb.core.api.output.MigrateResult;
import org.flywaydb.core.api.resource.LoadableResource;
import org.jboss.logging.Logger;

import javax.sql.DataSource;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/**
 * Creates or adopts the outbox and inbox tables at start-up, before the relay or a consumer can touch them: the
 * library's own Flyway migrations ({@code db/outbox}) with their own history table, next to the service's.
 * A database whose tables a service's former V1 migration made is baselined at version 0 and adopts them
 * ({@code IF NOT EXISTS}).
 */
@ApplicationScoped
public class OutboxSchema {

    public static final String HISTORY_TABLE = "outbox_schema_history";
    static final String LOCATION = "db/outbox";
    /** Named here rather than scanned: class-path directory scanning is not reliable in a packaged Quarkus app. */
    static final List<String> MIGRATIONS = List.of("V1__outbox_and_inbox.sql", "V2__traceparent.sql");

    private static final Logger LOG = Logger.getLogger(OutboxSchema.class);

    private final DataSource dataSource;

    public OutboxSchema(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    // Before SmallRye Reactive Messaging starts the consumers (LIBRARY_BEFORE) and before the relay (default).
    void onStart(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) StartupEvent event) {
        migrate();
    }

    public MigrateResult migrate() {
        MigrateResult result = Flyway.configure(OutboxSchema.class.getClassLoader())
                .dataSource(dataSource)
                .table(HISTORY_TABLE)
                .locations("classpath:" + LOCATION)
                .resourceProvider(new NamedMigrations())
                .javaMigrationClassProvider(List::of)
                // The service's own tables are there already: record a baseline below V1, then run V1 and on.
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .load()
                .migrate();
        if (result.migrationsExecuted > 0) {
            LOG.infof("Outbox schema migrated to version %s", result.targetSchemaVersion);
        }
        return result;
    }

    /** The library's migration scripts, read from the class path by name. */
    private static final class NamedMigrations implements ResourceProvider {

        @Override
        public LoadableResource getResource(String name) {
            return MIGRATIONS.contains(name) ? new Script(name) : null;
        }

        @Override
        public Collection<LoadableResource> getResources(String prefix, String[] suffixes) {
            return MIGRATIONS.stream()
                    .filter(name -> name.startsWith(prefix) && Arrays.stream(suffixes).anyMatch(name::endsWith))
                    .<LoadableResource>map(Script::new)
                    .toList();
        }
    }

    private static final class Script extends LoadableResource {

        private final String fileName;

        private Script(String fileName) {
            this.fileName = fileName;
        }

        @Override
        public Reader read() {
            InputStream in = OutboxSchema.class.getClassLoader().getResourceAsStream(getAbsolutePath());
            if (in == null) {
                throw new IllegalStateException("Outbox migration " + getAbsolutePath() + " is not on the class path");
            }
            return new InputStreamReader(in, StandardCharsets.UTF_8);
        }

        @Override
        public String getAbsolutePath() {
            return LOCATION + "/" + fileName;
        }

        @Override
        public String getAbsolutePathOnDisk() {
            return getAbsolutePath();
        }

        @Override
        public String getFilename() {
            return fileName;
        }

        @Override
        public String getRelativePath() {
            return fileName;
        }
    }
}

package dev.lectavera.gateway.log;

import dev.lectavera.gateway.config.GatewayConfig;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logmanager.ExtHandler;
import org.jboss.logmanager.LogContext;
import org.jboss.logmanager.Logger;
import org.jboss.logmanager.handlers.ConsoleHandler;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;

/**
 * Writes the access log's console lines in batches. Quarkus logs one record per request, and its asynchronous console
 * handler hands each one to its thread (a wake-up) and writes it with a {@code write} call of its own: about a third
 * of the gateway's kernel time per request (docs/PERFORMANCE.md). The access-log category gets its own console handler
 * ({@link AccessLogConsole}: the console's formatter, so the lines read as before, text or JSON) whose thread writes
 * every {@code gateway.access-log.linger} all the lines that arrived meanwhile. Installed only when the console is the
 * log's one destination (otherwise the category keeps Quarkus' handlers, so no destination loses its lines; Quarkus'
 * exception reporter of dev and test mode writes nothing and does not count), and
 * removed again on shutdown, after the lines still waiting are written.
 */
@ApplicationScoped
public class AccessLogBatching {

    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(AccessLogBatching.class);
    private static final String QUARKUS_EXCEPTION_REPORTER = "io.quarkus.runtime.logging.LoggingSetupRecorder$";

    private final Duration linger;
    private final boolean accessLog;
    private final String category;
    private AccessLogConsole installed;

    AccessLogBatching(GatewayConfig config,
                      @ConfigProperty(name = "quarkus.http.access-log.enabled", defaultValue = "false") boolean accessLog,
                      @ConfigProperty(name = "quarkus.http.access-log.category", defaultValue = "io.quarkus.http.access-log")
                      String category) {
        this.linger = config.accessLog().linger();
        this.accessLog = accessLog;
        this.category = category;
    }

    void start(@Observes StartupEvent event) {
        if (!accessLog || linger.isZero() || linger.isNegative()) {
            return;
        }
        List<Handler> destinations = new ArrayList<>();
        collectDestinations(LogContext.getLogContext().getLogger("").getHandlers(), destinations);
        destinations.removeIf(AccessLogBatching::writesNowhere);
        if (destinations.size() != 1 || !(destinations.get(0) instanceof ConsoleHandler console)) {
            LOG.debugf("Access log through Quarkus' handlers: the log goes to %s, not to the console alone", destinations);
            return;
        }
        installed = new AccessLogConsole(console.getFormatter(), console.getLevel(),
                new FileOutputStream(FileDescriptor.out), linger);
        Logger accessLogger = LogContext.getLogContext().getLogger(category);
        accessLogger.addHandler(installed);
        accessLogger.setUseParentHandlers(false);
        LOG.debugf("Access log written to the console in batches (every %s)", linger);
    }

    void stop(@Observes ShutdownEvent event) {
        if (installed != null) {
            Logger accessLogger = LogContext.getLogContext().getLogger(category);
            accessLogger.setUseParentHandlers(true);
            accessLogger.removeHandler(installed);
            installed.close();
            installed = null;
        }
    }

    /** Whether the access log's lines go through the batching console handler (for tests). */
    public boolean batching() {
        return installed != null;
    }

    /**
     * Quarkus' own handler that reports logged exceptions to continuous testing (dev and test mode): it writes nothing,
     * and access-log lines carry no exception.
     */
    private static boolean writesNowhere(Handler handler) {
        return handler.getClass().getName().startsWith(QUARKUS_EXCEPTION_REPORTER);
    }

    /** The handlers at the ends of the tree: wrappers (asynchronous, delayed) are looked through. */
    private static void collectDestinations(Handler[] handlers, List<Handler> into) {
        for (Handler handler : handlers) {
            if (handler instanceof ExtHandler wrapper && wrapper.getHandlers().length > 0) {
                collectDestinations(wrapper.getHandlers(), into);
            } else {
                into.add(handler);
            }
        }
    }
}

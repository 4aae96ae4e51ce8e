package dev.lectavera.study.rest;

import dev.lectavera.study.service.AskTimings;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * {@code Server-Timing: study;dur=<ms>} on every response of the public port: the time from the request's arrival on
 * the event loop until its headers are written. That is the whole exchange as study-service sees it — security, the
 * hand-off to a worker thread, the work, the commit with its outbox event, the publish, serialisation — of which an
 * answer's {@code latencyMs} covers only the part before it is stored. The gateway passes the header on, so an
 * operator (or bench/run) can tell the service's share of a slow request from the hops around it. The HTTP ask adds
 * its steps ({@link #steps}). It says nothing a client could not time itself.
 */
@ApplicationScoped
class ServerTiming {

    static final String HEADER = "Server-Timing";
    static final String METRIC = "study";
    /** Ahead of Quarkus' own filters (CORS, authentication: priorities in the hundreds), so that they are counted. */
    private static final int PRIORITY = 1_000_000;

    void register(@Observes Filters filters) {
        filters.register(ServerTiming::time, PRIORITY);
    }

    private static void time(RoutingContext context) {
        long arrived = System.nanoTime();
        context.addHeadersEndHandler(ignored ->
                context.response().headers().add(HEADER, metric(METRIC, System.nanoTime() - arrived)));
        context.next();
    }

    /** The steps of an ask ({@link AskTimings}), for its response: {@code limit;dur=…, answer;dur=…, …}. */
    static String steps(AskTimings timings) {
        StringBuilder value = new StringBuilder();
        for (AskTimings.Step step : AskTimings.Step.values()) {
            value.append(value.isEmpty() ? "" : ", ").append(metric(step.metric(), timings.nanos(step)));
        }
        return value.toString();
    }

    /** {@code <name>;dur=} in milliseconds with two decimals (the header's unit), without a formatter per request. */
    static String metric(String name, long nanos) {
        long hundredths = nanos / 10_000;
        long fraction = hundredths % 100;
        return name + ";dur=" + hundredths / 100 + (fraction < 10 ? ".0" : ".") + fraction;
    }
}

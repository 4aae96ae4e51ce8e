package dev.lectavera.analytics.ops;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.jboss.logging.MDC;

import java.util.Map;

/** Test only: the trace a request runs in, as the code and the log lines of that request see it. */
@Path("/test/current-trace")
@PermitAll
public class CurrentTraceResource {

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Object> current() {
        SpanContext span = Span.current().getSpanContext();
        return Map.of("traceId", span.getTraceId(), "spanId", span.getSpanId(), "valid", span.isValid(),
                "logTraceId", String.valueOf(MDC.get("traceId")), "logSpanId", String.valueOf(MDC.get("spanId")));
    }
}

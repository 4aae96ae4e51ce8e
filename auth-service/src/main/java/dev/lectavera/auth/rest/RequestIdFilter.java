package dev.lectavera.auth.rest;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import org.jboss.logging.MDC;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * {@code X-Request-Id}: taken from the request (the gateway sets one) or generated, put in the log MDC as
 * {@code requestId} and echoed on the response. A malformed incoming id is replaced, so it cannot forge log lines.
 */
public class RequestIdFilter {

    public static final String HEADER = "X-Request-Id";
    public static final String MDC_KEY = "requestId";
    private static final Pattern ACCEPTABLE = Pattern.compile("[A-Za-z0-9._:\\-]{1,128}");

    @ServerRequestFilter(preMatching = true)
    public void assignRequestId(ContainerRequestContext request) {
        String incoming = request.getHeaderString(HEADER);
        String requestId = incoming != null && ACCEPTABLE.matcher(incoming).matches()
                ? incoming : UUID.randomUUID().toString();
        request.setProperty(MDC_KEY, requestId);
        MDC.put(MDC_KEY, requestId);
    }

    @ServerResponseFilter
    public void echoRequestId(ContainerRequestContext request, ContainerResponseContext response) {
        Object requestId = request.getProperty(MDC_KEY);
        if (requestId != null) {
            response.getHeaders().putSingle(HEADER, requestId);
        }
    }
}

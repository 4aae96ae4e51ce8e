package dev.lectavera.kit.requestid;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import org.jboss.logging.MDC;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import java.util.UUID;

/**
 * {@code X-Request-Id}: taken from the request (the gateway sets one) or made up here for a direct caller, put in
 * the log MDC as {@code requestId} for the request's lines and echoed on the response. The rule is the gateway's:
 * 1–64 of {@code A-Z a-z 0-9 . _ : -}; anything else is replaced, so a header can never forge a log line.
 */
public class RequestIdFilter {

    public static final String HEADER = "X-Request-Id";
    public static final String MDC_KEY = "requestId";
    static final int MAX_LENGTH = 64;
    private static final String PROPERTY = "lectavera.requestId";

    @ServerRequestFilter(preMatching = true)
    public void assign(ContainerRequestContext request) {
        String incoming = request.getHeaderString(HEADER);
        String requestId = isUsable(incoming) ? incoming : UUID.randomUUID().toString();
        request.setProperty(PROPERTY, requestId);
        MDC.put(MDC_KEY, requestId);
    }

    @ServerResponseFilter
    public void echo(ContainerRequestContext request, ContainerResponseContext response) {
        Object requestId = request.getProperty(PROPERTY);
        if (requestId != null) {
            response.getHeaders().putSingle(HEADER, requestId);
        }
    }

    static boolean isUsable(String id) {
        if (id == null || id.isEmpty() || id.length() > MAX_LENGTH) {
            return false;
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            boolean plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '_' || c == '.' || c == ':';
            if (!plain) {
                return false;
            }
        }
        return true;
    }
}

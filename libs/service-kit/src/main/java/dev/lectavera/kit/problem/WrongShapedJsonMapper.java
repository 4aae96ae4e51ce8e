package dev.lectavera.kit.problem;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkiverse.resteasy.problem.HttpProblem;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.stream.Collectors;

/**
 * A JSON body of the wrong shape ({@code []} for an object, a list where a string belongs) is the client's
 * mistake: 400 problem+json naming the field, like an unknown field. Quarkus' built-in mapper for this
 * exception answers an empty 400 and would win over quarkus-resteasy-problem's, hence this one. Only request
 * bodies reach it: the service parses nothing else with Jackson inside a request.
 */
public class WrongShapedJsonMapper {

    @ServerExceptionMapper
    public Response wrongShape(MismatchedInputException e) {
        String field = e.getPath().stream()
                .map(reference -> reference.getFieldName() != null ? reference.getFieldName() : "[" + reference.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
        HttpProblem.Builder problem = HttpProblem.builder()
                .withStatus(Response.Status.BAD_REQUEST)
                .withTitle("Bad Request");
        if (field.isEmpty()) {
            problem.withDetail("The body must be a JSON object of the documented shape.");
        } else {
            problem.withDetail(field + ": " + expected(e)).with("field", field);
        }
        return problem.build().toResponse();
    }

    private static String expected(MismatchedInputException e) {
        return e.getTargetType() == null ? "has the wrong type"
                : "must be " + describe(e.getTargetType());
    }

    private static String describe(Class<?> type) {
        if (type == String.class || type.isEnum()) return "a string";
        if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != boolean.class)) return "a number";
        if (type == Boolean.class || type == boolean.class) return "true or false";
        if (type.isArray() || java.util.Collection.class.isAssignableFrom(type)) return "an array";
        return "an object";
    }
}

package dev.lectavera.document.rest;

import org.junit.jupiter.api.Test;

import java.io.IOException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An I/O failure is never answered 204 (what a mapper returning null produces). */
class BodyTooLargeMapperTest {

    private final BodyTooLargeMapper mapper = new BodyTooLargeMapper();

    @Test
    void aServerSideIoFailureIsA500Problem() {
        var response = mapper.tooLarge(new IOException("No space left on device"), null);
        assertEquals(500, response.getStatus());
        assertEquals("application/problem+json", response.getMediaType().toString());
    }

    @Test
    void aFailureOfTheFormParserIsA400Problem() {
        IOException failure = new IOException("Connection terminated parsing multipart request");
        failure.setStackTrace(new StackTraceElement[]{new StackTraceElement(
                "org.jboss.resteasy.reactive.server.core.multipart.MultiPartParserDefinition$MultiPartUploadHandler",
                "parseBlocking", "MultiPartParserDefinition.java", 250)});
        assertTrue(BodyTooLargeMapper.thrownByFormParser(failure));
        var response = mapper.tooLarge(failure, null);
        assertEquals(400, response.getStatus());
        assertEquals("application/problem+json", response.getMediaType().toString());
    }

    @Test
    void aBodyCutOffAtTheHttpLimitIsA413Problem() {
        assertFalse(BodyTooLargeMapper.thrownByFormParser(new IOException("Request too large")));
        var response = mapper.tooLarge(new IOException("Request too large"), null);
        assertEquals(413, response.getStatus());
        assertEquals("application/problem+json", response.getMediaType().toString());
    }
}

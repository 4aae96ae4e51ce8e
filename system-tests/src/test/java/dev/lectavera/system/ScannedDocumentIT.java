package dev.lectavera.system;

import dev.lectavera.testsupport.pdf.ScannedPdfs;
import dev.lectavera.testsupport.pdf.TextPdfs;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A scanned PDF through the gateway: pages rendered to pictures and wrapped as a PDF (made here from a text PDF), so
 * only OCR can read it. It is indexed with every page marked {@code ocr}; a sentence of page N is found on page N; a
 * question is answered with a citation of the right page whose quote is on that page.
 */
@ExtendWith(LectaVeraSystem.class)
class ScannedDocumentIT {

    private static final List<String> PAGES = List.of(
            "Plate Tectonics\n\nThe outer shell of the Earth is broken into large plates that move a few centimetres"
                    + " every year. Where two plates meet, mountains rise and earthquakes happen.",
            "Volcanoes\n\nA volcano forms where molten rock called magma reaches the surface. Basalt lava is runny"
                    + " and flows far, while rhyolite lava is thick and explodes.",
            "Glaciers\n\nGlaciers are rivers of ice that grind the rock beneath them. They carve U-shaped valleys"
                    + " and leave moraines of gravel where they melt.",
            "Erosion by Rivers\n\nRivers carry sand and silt downstream and drop them where the water slows. A delta"
                    + " grows where a river enters the sea.");

    @Test
    void aScanIsIndexedSearchedAndCitedOnTheRightPage(LectaVeraSystem.Running system) {
        Student student = Student.register(system);
        List<String> pages = new ArrayList<>(PAGES);
        pages.set(3, pages.get(3) + "\n\nEdition " + UUID.randomUUID()); // never the same bytes twice
        byte[] scan = ScannedPdfs.scan(TextPdfs.textPdf("Earth Science", pages), 150);

        String id = student.api().multiPart("file", "earth-science-scan.pdf", scan, "application/pdf")
                .post("/api/v1/documents").then().statusCode(202).extract().path("id");
        student.awaitIndexed(id);
        student.api().get("/api/v1/documents/" + id).then().statusCode(200)
                .body("pageCount", equalTo(4))
                .body("ocrPages", equalTo(4));
        for (int page = 1; page <= 4; page++) {
            JsonPath view = student.api().get("/api/v1/documents/" + id + "/pages/" + page).then().statusCode(200)
                    .body("textSource", equalTo("ocr"))
                    .body("lowConfidence", equalTo(false))
                    .extract().jsonPath();
            assertTrue(view.getDouble("ocrConfidence") > 70, "page " + page + ": " + view.getDouble("ocrConfidence"));
        }

        // a sentence of page 2 finds page 2 in the top 3
        List<Map<String, Object>> hits = student.api().contentType(ContentType.JSON)
                .body(Map.of("query", "A volcano forms where molten rock called magma reaches the surface.",
                        "documentIds", List.of(id), "topK", 3))
                .post("/api/v1/documents/search").then().statusCode(200).extract().jsonPath().getList("results");
        assertTrue(hits.stream().anyMatch(hit -> hit.get("page").equals(2)), "page 2 in the top 3: " + hits);

        // a question answered from the scan cites page 3 with a quote that is on page 3
        String sessionId = student.createSession(id);
        JsonPath answer = student.ask(sessionId, "What do glaciers carve?").then().statusCode(200)
                .extract().jsonPath();
        List<Map<String, Object>> citations = answer.getList("answer.citations");
        assertFalse(citations.isEmpty(), "citations: " + answer.prettify());
        Map<String, Object> onPage3 = citations.stream().filter(c -> c.get("page").equals(3)).findFirst()
                .orElseThrow(() -> new AssertionError("no citation of page 3: " + citations));
        assertEquals(id, onPage3.get("documentId"));
        String pageText = student.api().get("/api/v1/documents/" + id + "/pages/3").then().statusCode(200)
                .extract().path("text");
        assertEquals(pageText.substring((Integer) onPage3.get("startOffset"), (Integer) onPage3.get("endOffset")),
                onPage3.get("quote"), "the quote is exactly the cited span of page 3");
        assertFalse(((String) onPage3.get("quote")).isBlank());
    }

    /**
     * A 30-page black-and-white scan (an office copier's, within the harness's 4 MiB quota): indexed with every page
     * OCR'd; prints the time from upload to INDEXED and document-service's resident memory (its JVM, -Xmx512m as
     * ./lectavera starts it, and its largest Tesseract process) for the closing figures.
     */
    @Test
    void thirtyScannedPagesAreIndexed(LectaVeraSystem.Running system) {
        Student student = Student.register(system);
        List<String> pages = new ArrayList<>();
        for (int page = 1; page <= 30; page++) {
            // a full page: every topic's paragraph (about 170 words), the page's own heading first
            pages.add("Part " + page + "\n\n" + String.join("\n\n", PAGES));
        }
        pages.set(29, pages.get(29) + "\n\nEdition " + UUID.randomUUID());
        byte[] scan = ScannedPdfs.scanBlackAndWhite(TextPdfs.textPdf("Earth Science, complete", pages), 200);
        ProcessMemory memory = new ProcessMemory(system.process("document"));
        long before = memory.residentKib().orElseThrow();
        boolean peakReset = memory.resetPeak();
        AtomicLong peak = new AtomicLong(before);
        AtomicLong tesseractPeak = new AtomicLong();
        ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
        sampler.scheduleAtFixedRate(() -> {
            memory.residentKib().ifPresent(rss -> peak.accumulateAndGet(rss, Math::max));
            // Tesseract only: a child sampled between its spawn and its exec still shows the JVM's pages
            system.process("document").descendants()
                    .filter(child -> child.info().command().orElse("").contains("tesseract"))
                    .map(ProcessMemory::new)
                    .forEach(child -> child.residentKib().ifPresent(rss -> tesseractPeak.accumulateAndGet(rss,
                            Math::max)));
        }, 0, 100, TimeUnit.MILLISECONDS);
        try {
            Instant start = Instant.now();
            String id = student.api().multiPart("file", "earth-science-30.pdf", scan, "application/pdf")
                    .post("/api/v1/documents").then().statusCode(202).extract().path("id");
            // polled once a second: the student's default rate class is 100 requests a minute
            await("30 scanned pages indexed").atMost(Duration.ofMinutes(8)).pollInterval(Duration.ofSeconds(1))
                    .untilAsserted(() ->
                    student.api().get("/api/v1/documents/" + id + "/status").then().statusCode(200)
                            .body("status", equalTo("INDEXED")));
            Duration took = Duration.between(start, Instant.now());
            student.api().get("/api/v1/documents/" + id).then().statusCode(200).body("ocrPages", equalTo(30));
            sampler.shutdownNow();
            OptionalLong hwm = memory.peakKib();
            System.out.printf(Locale.ROOT, "30-page scan (%,d bytes, black and white, 200 dpi): upload -> INDEXED in"
                            + " %.1f s (%.2f pages/s); document-service RSS %d MiB before, peak %d MiB sampled%s;"
                            + " largest Tesseract process %d MiB%n", scan.length, took.toMillis() / 1000.0,
                    30 / (took.toMillis() / 1000.0), before / 1024, peak.get() / 1024,
                    peakReset && hwm.isPresent() ? " (kernel high-water mark " + hwm.getAsLong() / 1024 + " MiB)" : "",
                    tesseractPeak.get() / 1024);
        } finally {
            sampler.shutdownNow();
        }
    }
}

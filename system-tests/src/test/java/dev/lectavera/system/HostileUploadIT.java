package dev.lectavera.system;

import dev.lectavera.system.SweepFixture.Call;
import dev.lectavera.system.SweepFixture.Http;
import dev.lectavera.system.SweepFixture.Multipart;
import dev.lectavera.system.SweepFixture.Reply;
import dev.lectavera.system.SweepFixture.Student;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import static dev.lectavera.system.SweepFixture.expect;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Hostile uploads against the running system: a PDF bomb is one student's FAILED document and nobody else's
 * problem, and a student cannot store more than the quota.
 */
@ExtendWith(LectaVeraSystem.class)
class HostileUploadIT {

    /** How often the bystanders look while the bomb is being read. */
    private static final Duration WATCH = Duration.ofMillis(250);
    private static final Duration SEARCH_WATCH = Duration.ofSeconds(3);

    @Test
    void pdfBombsFailAloneWhileEveryoneElseIsServed(LectaVeraSystem.Running running) throws InterruptedException {
        Http http = new Http(running.gateway());
        Http management = new Http(running.management("document"));
        Student bomber = SweepFixture.register(http, "bomber");
        Student neighbour = SweepFixture.register(http, "neighbour");
        Map<String, byte[]> bombs = new LinkedHashMap<>();
        bombs.put("text bomb (200 pages sharing one stream of " + String.format("%,d",
                (long) HostilePdf.BOMB_LINES * HostilePdf.BOMB_GLYPHS_PER_LINE) + " glyphs)", HostilePdf.textBomb());
        bombs.put("stream bomb (one page, a content stream inflating to " + HostilePdf.STREAM_BOMB_BYTES / (1024 * 1024)
                + " MiB)", HostilePdf.streamBomb());
        ProcessMemory memory = new ProcessMemory(running.process("document"));
        long rssBefore = memory.residentKib().orElseThrow();
        boolean peakReset = memory.resetPeak();

        // While the bombs are read: the neighbour's list and search, document-service's health and resident memory.
        Map<Integer, Integer> neighbourStatuses = new ConcurrentHashMap<>();
        List<String> unhealthy = new CopyOnWriteArrayList<>();
        AtomicLong healthChecks = new AtomicLong();
        AtomicLong peakRss = new AtomicLong(rssBefore);
        ScheduledExecutorService watcher = Executors.newScheduledThreadPool(3);
        watcher.scheduleWithFixedDelay(() -> neighbourStatuses.merge(http.send("neighbour lists during the bombs",
                Call.of("GET", "/api/v1/documents").bearer(neighbour.accessToken())).status(), 1, Integer::sum),
                0, WATCH.toMillis(), TimeUnit.MILLISECONDS);
        // Search within its rate class (30 a minute): the neighbour's questions are answered meanwhile.
        watcher.scheduleWithFixedDelay(() -> neighbourStatuses.merge(http.send("neighbour searches during the bombs",
                Call.of("POST", "/api/v1/documents/search").bearer(neighbour.accessToken())
                        .json(new JsonObject().put("query", "Which organelle produces ATP?"))).status(), 1, Integer::sum),
                0, SEARCH_WATCH.toMillis(), TimeUnit.MILLISECONDS);
        watcher.scheduleWithFixedDelay(() -> {
            Reply health = management.send("document health during the bombs", Call.of("GET", "/q/health"));
            healthChecks.incrementAndGet();
            if (health.status() != 200 || !health.body().contains("\"UP\"")) {
                unhealthy.add(health.brief());
            }
            memory.residentKib().ifPresent(rss -> peakRss.accumulateAndGet(rss, Math::max));
        }, 0, WATCH.toMillis(), TimeUnit.MILLISECONDS);

        Instant uploaded = Instant.now();
        Map<String, String> ids = new LinkedHashMap<>();
        bombs.forEach((name, pdf) -> ids.put(name, SweepFixture.upload(http, bomber, pdf, "Harmless notes", 202)));
        String normalId = SweepFixture.upload(http, neighbour, StudyPdf.unique(), "Cell biology", 202);
        // Each bomb's final status, and how long after the upload it was first seen.
        Map<String, JsonObject> settled = new ConcurrentHashMap<>();
        Map<String, Duration> toSettled = new ConcurrentHashMap<>();
        await("the bombs end").atMost(SweepFixture.PROCESSING).pollInterval(WATCH).until(() -> {
            ids.forEach((name, id) -> {
                JsonObject status = status(http, bomber, id);
                if (!settled.containsKey(name) && List.of("FAILED", "INDEXED", "NEEDS_OCR").contains(status.getString("status"))) {
                    settled.put(name, status);
                    toSettled.put(name, Duration.between(uploaded, Instant.now()));
                }
            });
            return settled.size() == ids.size();
        });
        SweepFixture.awaitIndexed(http, neighbour, normalId);
        // One more round of looks after every document has settled: the service is still whole.
        long looksBefore = healthChecks.get();
        await("a last look").atMost(Duration.ofSeconds(30)).until(() -> healthChecks.get() > looksBefore + 1);
        watcher.shutdownNow();
        watcher.awaitTermination(30, TimeUnit.SECONDS);
        OptionalLong hwm = memory.peakKib();

        JsonObject bomberUsage = usage(http, bomber);
        Reply search = http.send("neighbour searches after the bombs", Call.of("POST", "/api/v1/documents/search")
                .bearer(neighbour.accessToken()).json(new JsonObject().put("query", "Which organelle produces ATP?")));
        bombs.forEach((name, pdf) -> System.out.printf("PDF %s: %,d bytes; upload → %s in %.1f s (%s: %s)%n", name,
                pdf.length, settled.get(name).getString("status"), toSettled.get(name).toMillis() / 1000.0,
                settled.get(name).getString("failureCode"), settled.get(name).getString("failureReason")));
        System.out.printf("PDF bombs: document-service RSS %,d MiB before, peak %,d MiB sampled every %d ms%s; neighbour's"
                        + " list and search %s; health %d looks, %d not UP%n", rssBefore / 1024, peakRss.get() / 1024,
                WATCH.toMillis(), peakReset && hwm.isPresent() ? " (kernel high-water mark " + hwm.getAsLong() / 1024 + " MiB)" : "",
                new TreeMap<>(neighbourStatuses), healthChecks.get(), unhealthy.size());

        assertAll(
                () -> assertEquals(Map.of(), settled.entrySet().stream()
                        .filter(e -> !e.getValue().getString("status").equals("FAILED")
                                || e.getValue().getString("failureReason", "").length() < 10
                                || e.getValue().getString("failureReason").contains("Exception"))
                        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)),
                        "every bomb ends FAILED with a reason a student understands"),
                () -> assertEquals(Map.of(200, neighbourStatuses.values().stream().mapToInt(Integer::intValue).sum()),
                        Map.copyOf(neighbourStatuses), "the neighbour's list and search, polled during the bombs: status → count"),
                () -> assertTrue(neighbourStatuses.getOrDefault(200, 0) >= 2, "polled during the bombs: " + neighbourStatuses),
                () -> assertTrue(unhealthy.isEmpty(), "document-service's health during the bombs: " + unhealthy),
                () -> assertTrue(running.process("document").isAlive(), "document-service is still the same process"),
                () -> assertEquals(List.of((long) bombs.size(), 0L), List.of(documentsUsed(bomberUsage), bytesUsed(bomberUsage)),
                        "FAILED bombs keep their rows and not their files: " + bomberUsage),
                () -> assertEquals(200, search.status(), "search after the bombs: " + search.brief()),
                () -> assertTrue(http.serverErrors().isEmpty(), "5xx or transport failures during the bombs: "
                        + http.serverErrors()));
    }

    @Test
    void aStudentCannotStoreMoreThanTheQuota(LectaVeraSystem.Running running) {
        Http http = new Http(running.gateway());
        int maxDocuments = LectaVeraSystem.DOCUMENT_QUOTA_COUNT;
        long maxBytes = LectaVeraSystem.DOCUMENT_QUOTA_BYTES;

        // Count: the quota's worth of documents is taken, the next one is refused with the figures.
        Student collector = SweepFixture.register(http, "collector");
        JsonObject empty = usage(http, collector);
        long stored = 0;
        for (int i = 0; i < maxDocuments; i++) {
            byte[] pdf = StudyPdf.unique();
            SweepFixture.upload(http, collector, pdf, "Notes " + i, 202);
            stored += pdf.length;
        }
        Reply overCount = http.send("one document over the count", new Multipart()
                .file("file", "one-more.pdf", "application/pdf", StudyPdf.unique())
                .into(Call.of("POST", "/api/v1/documents")).bearer(collector.accessToken()));
        JsonObject full = usage(http, collector);

        // Bytes: a file over the byte quota, with its length (refused before it is spooled) and streamed without one.
        Student hoarder = SweepFixture.register(http, "hoarder");
        long size = maxBytes + 1024 * 1024;
        Reply overBytes = http.send("a file over the byte quota", new Multipart()
                .file("file", "big.pdf", "application/pdf", size, () -> SweepFixture.pdfLikeStream(size))
                .into(Call.of("POST", "/api/v1/documents")).bearer(hoarder.accessToken()));
        Reply overBytesStreamed = http.send("a file over the byte quota, no length", new Multipart()
                .file("file", "big.pdf", "application/pdf", size, () -> SweepFixture.pdfLikeStream(size))
                .into(Call.of("POST", "/api/v1/documents"), true).bearer(hoarder.accessToken()));
        JsonObject hoarded = usage(http, hoarder);
        Reply hoarderList = expect(http.send("hoarder's documents", Call.of("GET", "/api/v1/documents")
                .bearer(hoarder.accessToken())), 200, "hoarder's documents");

        System.out.printf("Quota %d documents / %,d bytes: document %d → %d %s; %,d bytes → %d, streamed → %d; usage %s%n",
                maxDocuments, maxBytes, maxDocuments + 1, overCount.status(), overCount.body(), size,
                overBytes.status(), overBytesStreamed.status(), full.encode());
        long storedBytes = stored;
        assertAll(
                () -> assertEquals(0L, documentsUsed(empty), "usage of a new student: " + empty),
                () -> assertEquals((long) maxDocuments, documentsUsed(full), "usage at the count quota: " + full),
                () -> assertEquals(storedBytes, bytesUsed(full), "bytes used at the count quota: " + full),
                () -> assertEquals(List.of(maxBytes, (long) maxDocuments), List.of(full.getLong("bytesQuota"),
                        full.getLong("documentsQuota")), "usage shows the quota: " + full),
                () -> assertQuotaExceeded(overCount, 409, "document " + (maxDocuments + 1)),
                () -> assertEquals(List.of((long) maxDocuments, (long) maxDocuments), List.of(overCount.json().getLong("documents"),
                        overCount.json().getLong("documentsQuota")), "the figures: " + overCount.brief()),
                () -> assertQuotaExceeded(overBytes, 413, "a file over the byte quota"),
                () -> assertQuotaExceeded(overBytesStreamed, 413, "a file over the byte quota, streamed"),
                () -> assertEquals(0L, documentsUsed(hoarded), "refused uploads store nothing: " + hoarded),
                () -> assertEquals(0L, bytesUsed(hoarded), "refused uploads store nothing: " + hoarded),
                () -> assertTrue(hoarderList.json().getJsonArray("items").isEmpty(), "hoarder's list: " + hoarderList.body()));
    }

    private static void assertQuotaExceeded(Reply reply, int status, String what) {
        assertEquals(status, reply.status(), what + ": " + reply.brief());
        assertTrue(reply.problemJson(), what + " as problem+json: " + reply.brief());
        assertTrue(reply.body().contains("quota_exceeded"), what + " names quota_exceeded: " + reply.brief());
    }

    private static JsonObject status(Http http, Student owner, String documentId) {
        return expect(http.send("status", Call.of("GET", "/api/v1/documents/{id}/status",
                "/api/v1/documents/" + documentId + "/status").bearer(owner.accessToken())), 200, "status").json();
    }

    private static JsonObject usage(Http http, Student student) {
        return expect(http.send("usage", Call.of("GET", "/api/v1/documents/usage").bearer(student.accessToken())),
                200, "usage").json();
    }

    private static long documentsUsed(JsonObject usage) {
        return usage.getLong("documents");
    }

    private static long bytesUsed(JsonObject usage) {
        return usage.getLong("bytesUsed");
    }
}

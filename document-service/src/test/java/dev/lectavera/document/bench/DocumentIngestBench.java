package dev.lectavera.document.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lectavera.contracts.EventJson;
import dev.lectavera.contracts.Topics;
import dev.lectavera.contracts.events.DocumentIndexed;
import dev.lectavera.document.config.DocumentsConfig;
import dev.lectavera.document.config.EmbeddingsConfig;
import dev.lectavera.document.embedding.Embedder;
import dev.lectavera.document.ingest.Chunker;
import dev.lectavera.document.ingest.PdfTextExtractor;
import dev.lectavera.document.service.SearchService;
import dev.lectavera.document.support.Api;
import dev.lectavera.document.support.TestPdfs;
import dev.lectavera.document.support.Users;
import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static dev.lectavera.document.support.Api.as;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Not a test: measures ingestion of a generated 300-page PDF and search latency over 10 documents, and writes the
 * figures to {@code bench/results/}. Excluded from the build's test run (tag "bench"); see the README to run it.
 */
@Tag("bench")
@QuarkusTest
@TestProfile(DocumentIngestBench.Bench.class)
class DocumentIngestBench {

    public static class Bench implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "lectavera.documents.max-upload-size", "50M",
                    "quarkus.http.limits.max-body-size", "51M");
        }
    }

    private static final int BIG_PAGES = 300;
    private static final int WORDS_PER_PAGE = 380;
    private static final int SMALL_DOCUMENTS = 9;
    private static final int SMALL_PAGES = 20;
    private static final int WARM_UP_QUERIES = 20;
    private static final int QUERIES = 100;

    private final MeterRegistry metrics;
    private final AgroalDataSource dataSource;
    private final Embedder embedder;
    private final EmbeddingsConfig embeddings;
    private final DocumentsConfig documents;
    private final SearchService searchService;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final ObjectMapper json = new ObjectMapper();

    DocumentIngestBench(MeterRegistry metrics, AgroalDataSource dataSource, Embedder embedder,
                            EmbeddingsConfig embeddings, DocumentsConfig documents, SearchService searchService) {
        this.metrics = metrics;
        this.dataSource = dataSource;
        this.embedder = embedder;
        this.embeddings = embeddings;
        this.documents = documents;
        this.searchService = searchService;
    }

    @Test
    void ingestAndSearch() throws Exception {
        long seed = System.nanoTime(); // fresh texts: nothing comes from the embedding cache
        BenchText text = new BenchText(seed);
        Users user = Users.withTokenLifetime(Duration.ofHours(3).toSeconds());
        embedder.embedQuery("warm up the model before timing anything");
        as(user).get("/api/v1/documents").then().statusCode(200); // warms up the HTTP client before timing

        byte[] big = TestPdfs.pages(text.pages(BIG_PAGES, WORDS_PER_PAGE).toArray(String[]::new));
        String loadBefore = loadAverage();

        // The chunks the service will make of it (same extractor, same chunker, same settings), embedded bare
        // before and after the ingestion: the machine's load drifts, the mean of the two brackets the run.
        Path pdfFile = Files.createTempFile("bench", ".pdf");
        Files.write(pdfFile, big);
        DocumentsConfig.Chunking chunking = documents.chunking();
        List<String> expectedChunks = new Chunker(new Chunker.Settings(chunking.maxTokens(), chunking.minTokens(),
                chunking.overlapTokens())).chunk(PdfTextExtractor.extract(pdfFile, page -> { }).pages()).stream()
                .map(Chunker.Chunk::text).toList();
        Files.delete(pdfFile);
        long bareBefore = bareEmbedding(expectedChunks);

        Snapshot before = snapshot();
        UUID bigId;
        long uploadStart;
        long indexedSeen;
        long uploadAnsweredMillis;
        try (KafkaConsumer<String, String> consumer = documentsFromNow()) {
            uploadStart = System.nanoTime();
            bigId = Api.uploadNew(user, big, "bench-300-pages.pdf");
            uploadAnsweredMillis = (System.nanoTime() - uploadStart) / 1_000_000;
            indexedSeen = awaitIndexed(consumer, bigId);
        }
        Snapshot after = snapshot();
        long totalNanos = indexedSeen - uploadStart;
        double extractionSeconds = after.extractionSeconds - before.extractionSeconds;
        double embeddingSeconds = after.embeddingSeconds - before.embeddingSeconds;
        double processingSeconds = after.processingSeconds - before.processingSeconds;
        long pages = Math.round(after.pages - before.pages);
        long chunksEmbedded = Math.round(after.chunks - before.chunks);
        assertEquals(BIG_PAGES, pages);

        List<String> chunkTexts = chunkTexts(bigId);
        assertEquals(chunksEmbedded, chunkTexts.size(), "every chunk embedded by the model, none from the cache");
        assertEquals(expectedChunks, chunkTexts, "the service chunked exactly as predicted");
        long bareAfter = bareEmbedding(chunkTexts);
        long bareNanos = (bareBefore + bareAfter) / 2;
        String loadAfterIngestion = loadAverage();
        int batch = embeddings.batchSize();

        // nine smaller documents: search runs over ten
        List<UUID> others = new ArrayList<>();
        for (int i = 0; i < SMALL_DOCUMENTS; i++) {
            byte[] pdf = TestPdfs.pages(new BenchText(seed + i + 1).pages(SMALL_PAGES, WORDS_PER_PAGE)
                    .toArray(String[]::new));
            others.add(Api.uploadNew(user, pdf, "bench-small-" + i + ".pdf"));
        }
        for (UUID id : others) {
            assertEquals("INDEXED", awaitIndexedStatus(user, id));
        }
        long totalChunks = countChunks(user.id());

        BenchText queries = new BenchText(seed ^ 0x5DEECE66DL);
        for (int i = 0; i < WARM_UP_QUERIES; i++) {
            search(user, queries.query());
        }
        List<String> questions = new ArrayList<>();
        for (int i = 0; i < QUERIES; i++) {
            questions.add(queries.query() + " " + i); // distinct: every query vector is computed
        }
        long[] fresh = new long[QUERIES];
        for (int i = 0; i < QUERIES; i++) {
            fresh[i] = search(user, questions.get(i));
        }
        long[] repeated = new long[QUERIES];
        for (int i = 0; i < QUERIES; i++) {
            repeated[i] = search(user, questions.get(i)); // query vector from the Redis cache
        }
        long[] inProcess = new long[QUERIES];
        for (int i = 0; i < QUERIES; i++) {
            long start = System.nanoTime();
            searchService.search(user.id(), questions.get(i), null, 8); // no HTTP, no JWT; cached vector
            inProcess[i] = System.nanoTime() - start;
        }

        double total = totalNanos / 1e9;
        double bare = bareNanos / 1e9;
        String report = String.format(Locale.ROOT, """
                # document-service benchmark, %s

                Machine: %d CPUs (shared), 1-minute load average %s before / %s after the ingestion, Java %s
                (%s), embedding model %s, batch %d, %d workers.

                ## Ingestion of a generated %d-page PDF (%.1f MB, about %d words per page)

                | measure | value |
                |---|---|
                | extraction (PDFBox) | %.2f s, **%.0f pages/s** |
                | chunks | %d (%.2f per page) |
                | embedding inside the pipeline | %.1f s, **%.2f chunks/s** |
                | processing (claim to INDEXED commit) | %.1f s |
                | **total: upload request to DocumentIndexed received from Kafka** | **%.1f s** |
                | bare embedding of the same %d chunks (same model, same batches, no pipeline), before / after | %.1f s / %.1f s |
                | bare embedding, mean of the two | %.1f s (%.2f chunks/s) |
                | **ratio total / bare embedding** (goal <= 1.25) | **%.3f** (%.3f to %.3f against each run alone) |

                ## Search over 10 documents (%d chunks), HTTP round trip, topK 8

                | queries | p50 | p95 | max |
                |---|---|---|---|
                | %d distinct, query vector computed | %.1f ms | %.1f ms | %.1f ms |
                | the same %d again, query vector from Redis | %.1f ms | %.1f ms | %.1f ms |
                | the same %d in-process (SearchService, no HTTP/JWT), query vector from Redis | %.1f ms | %.1f ms | %.1f ms |

                Upload request answered (202) in %d ms.
                """,
                LocalDateTime.now().format(DateTimeFormatter.ISO_LOCAL_DATE_TIME),
                Runtime.getRuntime().availableProcessors(), loadBefore, loadAfterIngestion,
                System.getProperty("java.version"), jit(),
                embedder.modelId(), batch, ConfigProvider.getConfig()
                        .getValue("lectavera.documents.processing.workers", Integer.class),
                BIG_PAGES, big.length / 1048576.0, WORDS_PER_PAGE,
                extractionSeconds, pages / extractionSeconds,
                chunkTexts.size(), chunkTexts.size() / (double) BIG_PAGES,
                embeddingSeconds, chunksEmbedded / embeddingSeconds,
                processingSeconds,
                total,
                chunkTexts.size(), bareBefore / 1e9, bareAfter / 1e9,
                bare, chunkTexts.size() / bare,
                total / bare, total / (Math.max(bareBefore, bareAfter) / 1e9),
                total / (Math.min(bareBefore, bareAfter) / 1e9),
                totalChunks,
                QUERIES, percentile(fresh, 50), percentile(fresh, 95), percentile(fresh, 100),
                QUERIES, percentile(repeated, 50), percentile(repeated, 95), percentile(repeated, 100),
                QUERIES, percentile(inProcess, 50), percentile(inProcess, 95), percentile(inProcess, 100),
                uploadAnsweredMillis);
        BenchReports.write("document-ingest-search", report);
    }

    private long bareEmbedding(List<String> texts) {
        long start = System.nanoTime();
        int batch = embeddings.batchSize();
        for (int from = 0; from < texts.size(); from += batch) {
            embedder.embedPassages(texts.subList(from, Math.min(from + batch, texts.size())));
        }
        return System.nanoTime() - start;
    }

    private static String jit() {
        return java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .anyMatch(arg -> arg.startsWith("-XX:TieredStopAtLevel=1")) ? "C1 only" : "full JIT";
    }

    /** One search over HTTP with the JDK client (lighter than RestAssured: the figure is the service's). */
    private long search(Users user, String query) throws Exception {
        String body = json.writeValueAsString(Map.of("query", query, "topK", 8));
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port
                        + "/api/v1/documents/search"))
                .header("Authorization", "Bearer " + user.token())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        long start = System.nanoTime();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        long elapsed = System.nanoTime() - start;
        assertEquals(200, response.statusCode(), response.body());
        return elapsed;
    }

    private static double percentile(long[] nanos, int percentile) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        int index = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ", 4)[0];
        } catch (Exception e) {
            return "n/a";
        }
    }

    private record Snapshot(double extractionSeconds, double embeddingSeconds, double processingSeconds,
                            double pages, double chunks) {
    }

    private Snapshot snapshot() {
        return new Snapshot(
                metrics.timer("lectavera.documents.extraction").totalTime(TimeUnit.NANOSECONDS) / 1e9,
                metrics.timer("lectavera.documents.embedding").totalTime(TimeUnit.NANOSECONDS) / 1e9,
                metrics.timer("lectavera.documents.processing").totalTime(TimeUnit.NANOSECONDS) / 1e9,
                metrics.counter("lectavera.documents.pages.extracted").count(),
                metrics.counter("lectavera.documents.chunks.embedded").count());
    }

    private KafkaConsumer<String, String> documentsFromNow() {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props);
        List<TopicPartition> partitions = new ArrayList<>();
        consumer.partitionsFor(Topics.DOCUMENTS, Duration.ofSeconds(10))
                .forEach(p -> partitions.add(new TopicPartition(Topics.DOCUMENTS, p.partition())));
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position); // resolve the end offsets now, before the upload
        return consumer;
    }

    /** Polls until DocumentIndexed for the document arrives; returns System.nanoTime() at that moment. */
    private static long awaitIndexed(KafkaConsumer<String, String> consumer, UUID documentId) {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(30);
        while (System.nanoTime() < deadline) {
            for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(50))) {
                if (record.key().equals(documentId.toString()) && record.value().contains("indexed")
                        && EventJson.read(record.value()).data() instanceof DocumentIndexed) {
                    return System.nanoTime();
                }
            }
        }
        throw new AssertionError("DocumentIndexed for " + documentId + " not received within 30 minutes");
    }

    private static String awaitIndexedStatus(Users user, UUID id) {
        String[] status = new String[1];
        org.awaitility.Awaitility.await().atMost(Duration.ofMinutes(30)).pollInterval(Duration.ofSeconds(1))
                .until(() -> {
                    status[0] = Api.status(user, id);
                    return !status[0].equals("QUEUED") && !status[0].equals("PROCESSING");
                });
        return status[0];
    }

    private List<String> chunkTexts(UUID documentId) throws Exception {
        try (Connection c = dataSource.getConnection();
             PreparedStatement select = c.prepareStatement(
                     "select text from chunk where document_id = ? order by ordinal")) {
            select.setObject(1, documentId);
            List<String> texts = new ArrayList<>();
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    texts.add(rs.getString(1));
                }
            }
            return texts;
        }
    }

    private long countChunks(UUID userId) throws Exception {
        try (Connection c = dataSource.getConnection();
             PreparedStatement select = c.prepareStatement(
                     "select count(*) from chunk c join document d on d.id = c.document_id where d.user_id = ?")) {
            select.setObject(1, userId);
            try (ResultSet rs = select.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}

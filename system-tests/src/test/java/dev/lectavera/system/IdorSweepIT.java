package dev.lectavera.system;

import dev.lectavera.system.SweepFixture.Call;
import dev.lectavera.system.SweepFixture.Endpoint;
import dev.lectavera.system.SweepFixture.Http;
import dev.lectavera.system.SweepFixture.Library;
import dev.lectavera.system.SweepFixture.Reply;
import dev.lectavera.system.SweepFixture.Socket;
import dev.lectavera.system.SweepFixture.Student;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import static dev.lectavera.system.SweepFixture.expect;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * User B uses each of user A's ids on every endpoint that takes one (and A's document ids in the bodies that
 * name documents): every answer is 404 problem+json — never 2xx, 403 or 5xx — and never carries A's data; B's
 * lists hold nothing of A's; and after B's deletes, patches and archives A's resources are all intact.
 */
@ExtendWith(LectaVeraSystem.class)
class IdorSweepIT {

    /** What an answer to B must be. */
    private enum Expect {
        /** 404 problem+json: A's id is as unknown to B as a random one. */
        NOT_FOUND,
        /** A clear 4xx problem+json (not 403): e.g. A's message id as a cursor in B's own session. */
        CLIENT_ERROR,
        /** B's own view (2xx): it must simply hold nothing of A's. */
        OWN_ONLY,
        /** Search naming A's documents: 404, or 200 with no passage of A's (other ids "contribute nothing"). */
        NOTHING_OF_A
    }

    private record Case(String name, Call call, Expect expect) {
    }

    @Test
    void userBNeverReachesUserAsData(LectaVeraSystem.Running running) {
        Set<Endpoint> inventory = SweepFixture.inventory(running);
        Http http = new Http(running.gateway());
        Student a = SweepFixture.register(http, "idor-a");
        Student b = SweepFixture.register(http, "idor-b");

        // A uploads; B uploads the very same bytes: a per-user duplicate check must give B a document of its own.
        byte[] pdf = StudyPdf.unique();
        String aTitle = "A's private notes " + UUID.randomUUID();
        String aDocument = SweepFixture.upload(http, a, pdf, aTitle, 202);
        String bDocument = SweepFixture.upload(http, b, pdf, "B's notes " + UUID.randomUUID(), 202);
        CompletableFuture<Void> aIndexed = CompletableFuture.runAsync(() -> SweepFixture.awaitIndexed(http, a, aDocument));
        SweepFixture.awaitIndexed(http, b, bDocument);
        aIndexed.join();
        Library lib = SweepFixture.library(http, a, pdf, aDocument, aTitle, true);
        Library bLib = SweepFixture.library(http, b, pdf, bDocument, "B's notes", false);

        List<String> failures = new ArrayList<>();
        if (aDocument.equals(bDocument)) {
            failures.add("B uploading A's exact file got A's document id " + aDocument);
        }
        Set<Endpoint> covered = new TreeSet<>();
        covered.add(new Endpoint("POST", "/api/v1/documents"));

        List<Case> cases = table(lib, bLib, b);
        for (Case c : cases) {
            covered.add(c.call().endpoint);
            Reply reply = http.send(c.name(), c.call().bearer(b.accessToken()));
            check(c, reply, lib).forEach(failures::add);
        }

        // The WebSocket of A's sessions with B's token: refused at the handshake or closed 1008, nothing of A's sent.
        for (String session : List.of(lib.sessionId(), lib.archivedSessionId())) {
            Socket socket = http.websocket("B opens A's session socket", session, b.accessToken(), Duration.ofSeconds(5));
            if (!socket.refused()) {
                failures.add("WS /ws/study/" + session + " with B's token was not refused: " + socket);
            }
            leaks(String.join("\n", socket.frames()) + socket.error(), lib, session)
                    .forEach(s -> failures.add("WS frames to B carry A's " + s));
        }
        Socket control = http.websocket("A opens A's session socket", lib.sessionId(), a.accessToken(), Duration.ofSeconds(2));
        if (control.handshakeStatus() != 101 || control.frames().stream().noneMatch(f -> f.contains("\"ready\""))) {
            failures.add("control: A's own socket did not open with a ready frame: " + control);
        }
        covered.add(SweepFixture.WEBSOCKET);

        // Endpoints that take no id of anybody's (they act on the caller, or are public) have nothing to swap.
        Map<Endpoint, String> notApplicable = notApplicable();
        covered.addAll(notApplicable.keySet());

        // B's logout naming A's refresh token must end B's session only.
        Reply logout = http.send("B logs out naming A's refresh token", Call.of("POST", "/api/v1/auth/logout")
                .bearer(b.accessToken()).json(new JsonObject().put("refreshToken", a.refreshToken())));
        covered.add(new Endpoint("POST", "/api/v1/auth/logout"));
        if (logout.status() != 204) {
            failures.add("B's logout: " + logout.brief());
        }

        failures.addAll(aIsIntact(http, lib));

        Set<Endpoint> missing = SweepFixture.uncovered(inventory, covered);
        String summary = http.summary("IDOR sweep", inventory, covered) + ", not applicable " + notApplicable.size();
        System.out.println(summary);
        List<SweepFixture.Exchange> serverErrors = http.serverErrors();
        assertAll(
                () -> assertTrue(missing.isEmpty(), "endpoints with no IDOR case (add them to IdorSweepIT.table or"
                        + " notApplicable): " + missing),
                () -> assertTrue(serverErrors.isEmpty(), "5xx or transport failures: " + serverErrors),
                () -> assertTrue(failures.isEmpty(), failures.size() + " IDOR failures:\n" + String.join("\n", failures)));
    }

    /** Every endpoint that takes an id, with A's ids; plus B's lists and B's own resources pointing at A's. */
    private static List<Case> table(Library a, Library b, Student bStudent) {
        String doc = "/api/v1/documents/" + a.documentId();
        String session = "/api/v1/study/sessions/" + a.sessionId();
        String archived = "/api/v1/study/sessions/" + a.archivedSessionId();
        String quiz = "/api/v1/quiz/" + a.quizId();
        JsonArray aDocs = new JsonArray().add(a.documentId());
        List<Case> cases = new ArrayList<>();
        // document-service
        cases.add(new Case("A's document", Call.of("GET", "/api/v1/documents/{id}", doc), Expect.NOT_FOUND));
        cases.add(new Case("A's document status", Call.of("GET", "/api/v1/documents/{id}/status", doc + "/status"), Expect.NOT_FOUND));
        cases.add(new Case("A's document file", Call.of("GET", "/api/v1/documents/{id}/file", doc + "/file"), Expect.NOT_FOUND));
        cases.add(new Case("A's document page", Call.of("GET", "/api/v1/documents/{id}/pages/{page}", doc + "/pages/1"), Expect.NOT_FOUND));
        cases.add(new Case("patch A's document", Call.of("PATCH", "/api/v1/documents/{id}", doc)
                .json(new JsonObject().put("title", "taken over").put("archived", true).put("tags", new JsonArray().add("pwned"))), Expect.NOT_FOUND));
        cases.add(new Case("patch A's document (merge-patch)", Call.of("PATCH", "/api/v1/documents/{id}", doc)
                .body("application/merge-patch+json", new JsonObject().put("category", "pwned").encode()), Expect.NOT_FOUND));
        cases.add(new Case("delete A's document", Call.of("DELETE", "/api/v1/documents/{id}", doc), Expect.NOT_FOUND));
        cases.add(new Case("search naming A's document", Call.of("POST", "/api/v1/documents/search")
                .json(new JsonObject().put("query", "Which organelle produces ATP?").put("documentIds", aDocs)), Expect.NOTHING_OF_A));
        cases.add(new Case("search naming A's and B's documents", Call.of("POST", "/api/v1/documents/search")
                .json(new JsonObject().put("query", "mitochondria ATP").put("documentIds",
                        new JsonArray().add(a.documentId()).add(b.documentId()))), Expect.NOTHING_OF_A));
        cases.add(new Case("B's documents", Call.of("GET", "/api/v1/documents"), Expect.OWN_ONLY));
        cases.add(new Case("B's storage usage", Call.of("GET", "/api/v1/documents/usage"), Expect.OWN_ONLY));
        cases.add(new Case("B's archived documents", Call.of("GET", "/api/v1/documents", "/api/v1/documents?archived=true"), Expect.OWN_ONLY));
        cases.add(new Case("B's documents searched by A's title", Call.of("GET", "/api/v1/documents",
                "/api/v1/documents?q=" + java.net.URLEncoder.encode(a.documentTitle(), java.nio.charset.StandardCharsets.UTF_8)), Expect.OWN_ONLY));
        // study-service
        cases.add(new Case("session over A's document", Call.of("POST", "/api/v1/study/sessions")
                .json(new JsonObject().put("title", "stolen").put("documentIds", aDocs)), Expect.NOT_FOUND));
        for (String s : List.of(session, archived)) {
            cases.add(new Case("A's session", Call.of("GET", "/api/v1/study/sessions/{id}", s), Expect.NOT_FOUND));
            cases.add(new Case("A's session messages", Call.of("GET", "/api/v1/study/sessions/{id}/messages", s + "/messages"), Expect.NOT_FOUND));
            cases.add(new Case("A's session messages after A's question", Call.of("GET", "/api/v1/study/sessions/{id}/messages",
                    s + "/messages?after=" + a.questionId()), Expect.NOT_FOUND));
            cases.add(new Case("A's session history", Call.of("GET", "/api/v1/study/sessions/{id}/history", s + "/history"), Expect.NOT_FOUND));
            cases.add(new Case("ask in A's session", Call.of("POST", "/api/v1/study/sessions/{id}/messages", s + "/messages")
                    .json(new JsonObject().put("content", "What did A ask?")), Expect.NOT_FOUND));
            cases.add(new Case("patch A's session", Call.of("PATCH", "/api/v1/study/sessions/{id}", s)
                    .json(new JsonObject().put("title", "taken over")), Expect.NOT_FOUND));
            cases.add(new Case("archive A's session", Call.of("POST", "/api/v1/study/sessions/{id}/archive", s + "/archive"), Expect.NOT_FOUND));
            cases.add(new Case("delete A's session", Call.of("DELETE", "/api/v1/study/sessions/{id}", s), Expect.NOT_FOUND));
        }
        String own = "/api/v1/study/sessions/" + b.sessionId();
        cases.add(new Case("B's session re-pointed at A's document", Call.of("PATCH", "/api/v1/study/sessions/{id}", own)
                .json(new JsonObject().put("documentIds", aDocs)), Expect.NOT_FOUND));
        cases.add(new Case("B's session polled after A's message", Call.of("GET", "/api/v1/study/sessions/{id}/messages",
                own + "/messages?after=" + a.answerId()), Expect.CLIENT_ERROR));
        cases.add(new Case("B's history after A's message", Call.of("GET", "/api/v1/study/sessions/{id}/history",
                own + "/history?after=" + a.questionId()), Expect.CLIENT_ERROR));
        cases.add(new Case("B's sessions", Call.of("GET", "/api/v1/study/sessions"), Expect.OWN_ONLY));
        cases.add(new Case("B's active sessions", Call.of("GET", "/api/v1/study/sessions", "/api/v1/study/sessions?status=ACTIVE"), Expect.OWN_ONLY));
        cases.add(new Case("B's archived sessions", Call.of("GET", "/api/v1/study/sessions", "/api/v1/study/sessions?status=ARCHIVED"), Expect.OWN_ONLY));
        // quiz-service
        cases.add(new Case("quiz from A's document", Call.of("POST", "/api/v1/quiz/generate")
                .json(new JsonObject().put("documentIds", aDocs).put("count", 2)), Expect.NOT_FOUND));
        cases.add(new Case("A's quiz", Call.of("GET", "/api/v1/quiz/{id}", quiz), Expect.NOT_FOUND));
        cases.add(new Case("attempt at A's quiz", Call.of("POST", "/api/v1/quiz/{id}/attempts", quiz + "/attempts")
                .json(answers(a.questionIds())), Expect.NOT_FOUND));
        cases.add(new Case("A's quiz attempts", Call.of("GET", "/api/v1/quiz/{id}/attempts", quiz + "/attempts"), Expect.NOT_FOUND));
        cases.add(new Case("A's attempt", Call.of("GET", "/api/v1/quiz/{id}/attempts/{attemptId}",
                quiz + "/attempts/" + a.attemptId()), Expect.NOT_FOUND));
        cases.add(new Case("A's attempt under B's quiz", Call.of("GET", "/api/v1/quiz/{id}/attempts/{attemptId}",
                "/api/v1/quiz/" + b.quizId() + "/attempts/" + a.attemptId()), Expect.NOT_FOUND));
        cases.add(new Case("B's quiz answered with A's question ids", Call.of("POST", "/api/v1/quiz/{id}/attempts",
                "/api/v1/quiz/" + b.quizId() + "/attempts").json(answers(a.questionIds())), Expect.CLIENT_ERROR));
        cases.add(new Case("B's quizzes", Call.of("GET", "/api/v1/quiz"), Expect.OWN_ONLY));
        cases.add(new Case("B's attempts at B's quiz", Call.of("GET", "/api/v1/quiz/{id}/attempts",
                "/api/v1/quiz/" + b.quizId() + "/attempts"), Expect.OWN_ONLY));
        // quiz-service: spaced review
        String card = "/api/v1/quiz/review/cards/" + a.cardId();
        cases.add(new Case("A's card", Call.of("GET", "/api/v1/quiz/review/cards/{id}", card), Expect.NOT_FOUND));
        cases.add(new Case("review A's card", Call.of("POST", "/api/v1/quiz/review/cards/{id}/reviews", card + "/reviews")
                .json(new JsonObject().put("rating", "easy")), Expect.NOT_FOUND));
        cases.add(new Case("suspend A's card", Call.of("POST", "/api/v1/quiz/review/cards/{id}/suspend", card + "/suspend"),
                Expect.NOT_FOUND));
        cases.add(new Case("unsuspend A's card", Call.of("POST", "/api/v1/quiz/review/cards/{id}/unsuspend",
                card + "/unsuspend"), Expect.NOT_FOUND));
        cases.add(new Case("delete A's card", Call.of("DELETE", "/api/v1/quiz/review/cards/{id}", card), Expect.NOT_FOUND));
        cases.add(new Case("card from A's question", Call.of("POST", "/api/v1/quiz/review/cards/from-question")
                .json(new JsonObject().put("questionId", a.questionIds().getFirst())), Expect.NOT_FOUND));
        cases.add(new Case("card from a citation of A's document", Call.of("POST", "/api/v1/quiz/review/cards/from-citation")
                .json(new JsonObject().put("documentId", a.documentId()).put("page", 1).put("quote", "cell")),
                Expect.NOT_FOUND));
        cases.add(new Case("flashcards from A's document", Call.of("POST", "/api/v1/quiz/review/flashcards")
                .json(new JsonObject().put("documentIds", aDocs)), Expect.NOT_FOUND));
        cases.add(new Case("B's review queue", Call.of("GET", "/api/v1/quiz/review/queue"), Expect.OWN_ONLY));
        cases.add(new Case("B's review queue of A's document", Call.of("GET", "/api/v1/quiz/review/queue",
                "/api/v1/quiz/review/queue?documentId=" + a.documentId()), Expect.OWN_ONLY));
        cases.add(new Case("B's cards", Call.of("GET", "/api/v1/quiz/review/cards"), Expect.OWN_ONLY));
        cases.add(new Case("B's cards of A's document", Call.of("GET", "/api/v1/quiz/review/cards",
                "/api/v1/quiz/review/cards?documentId=" + a.documentId()), Expect.OWN_ONLY));
        cases.add(new Case("B's review settings", Call.of("GET", "/api/v1/quiz/review/settings"), Expect.OWN_ONLY));
        cases.add(new Case("B changes B's review settings", Call.of("PUT", "/api/v1/quiz/review/settings")
                .json(new JsonObject().put("newPerDay", 3)), Expect.OWN_ONLY));
        cases.add(new Case("B's review stats", Call.of("GET", "/api/v1/quiz/review/stats"), Expect.OWN_ONLY));
        // analytics-service and the caller's own account
        for (String path : List.of("/overview", "/activity", "/quiz-performance", "/queries", "/review")) {
            cases.add(new Case("B's analytics " + path, Call.of("GET", "/api/v1/analytics" + path), Expect.OWN_ONLY));
        }
        cases.add(new Case("B's account", Call.of("GET", "/api/v1/users/me"), Expect.OWN_ONLY));
        cases.add(new Case("B renames B", Call.of("PATCH", "/api/v1/users/me")
                .json(new JsonObject().put("fullName", "B renamed " + bStudent.id())), Expect.OWN_ONLY));
        cases.add(new Case("B's rate limits", Call.of("GET", "/api/v1/users/rate-limit-status"), Expect.OWN_ONLY));
        return cases;
    }

    private static Map<Endpoint, String> notApplicable() {
        Map<Endpoint, String> reasons = new LinkedHashMap<>();
        String publicRoute = "public route, no user id in it (tokens it takes are secrets, not ids)";
        for (String path : List.of("register", "login", "refresh", "forgot-password", "reset-password", "verify-email")) {
            reasons.put(new Endpoint("POST", "/api/v1/auth/" + path), publicRoute);
        }
        reasons.put(new Endpoint("GET", "/.well-known/jwks.json"), "public key set, nobody's data");
        reasons.put(new Endpoint("GET", "/api/v1/openapi.json"), "the public API description, nobody's data");
        reasons.put(new Endpoint("GET", "/api/v1/docs/"), "the UI of the public API description, nobody's data");
        reasons.put(new Endpoint("POST", "/api/v1/users/me/password"), "acts on the caller only (needs the caller's password)");
        reasons.put(new Endpoint("DELETE", "/api/v1/users/me"), "acts on the caller only (needs the caller's password)");
        return reasons;
    }

    private static JsonObject answers(List<String> questionIds) {
        JsonArray answers = new JsonArray();
        questionIds.forEach(id -> answers.add(new JsonObject().put("questionId", id).put("answer", "x")));
        return new JsonObject().put("answers", answers).put("timeSpentSeconds", 5);
    }

    private static List<String> check(Case c, Reply reply, Library a) {
        List<String> failures = new ArrayList<>();
        String what = c.name() + " (" + c.call().endpoint.method() + " " + c.call().target + ") → ";
        int status = reply.status();
        boolean ok = switch (c.expect()) {
            case NOT_FOUND -> status == 404 && reply.problemJson();
            case CLIENT_ERROR -> status >= 400 && status < 500 && status != 403 && reply.problemJson();
            case OWN_ONLY -> status >= 200 && status < 300;
            case NOTHING_OF_A -> (status == 404 && reply.problemJson())
                    || (status == 200 && reply.json().getJsonArray("results").stream()
                    .noneMatch(r -> ((JsonObject) r).getString("documentId").equals(a.documentId())));
        };
        if (!ok) {
            failures.add(what + "expected " + c.expect() + " but got " + reply.brief());
        }
        leaks(reply.body(), a, c.call().target + "\n" + c.call().text)
                .forEach(secret -> failures.add(what + "answer carries A's " + secret + ": " + reply.brief()));
        return failures;
    }

    /** A's secrets found in {@code body}, except those the request itself sent (an echo is not a leak). */
    private static List<String> leaks(String body, Library a, String sent) {
        if (body == null) {
            return List.of();
        }
        return a.secrets().stream().filter(s -> !sent.contains(s)).filter(body::contains).toList();
    }

    /** After all of B's attempts, A's resources are exactly as A left them. */
    private static List<String> aIsIntact(Http http, Library lib) {
        Student a = lib.owner();
        String token = a.accessToken();
        List<String> failures = new ArrayList<>();
        Runnable[] checks = {
                () -> {
                    JsonObject document = expect(http.send("A intact", Call.of("GET", "/api/v1/documents/{id}",
                            "/api/v1/documents/" + lib.documentId()).bearer(token)), 200, "A's document").json();
                    assertEquals(lib.documentTitle(), document.getString("title"), "A's document title");
                    assertEquals(false, document.getBoolean("archived"), "A's document archived");
                    assertEquals("INDEXED", document.getString("status"), "A's document status");
                    assertTrue(document.getJsonArray("tags", new JsonArray()).isEmpty(), "A's document tags");
                },
                () -> expect(http.send("A intact", Call.of("GET", "/api/v1/documents/{id}/file",
                        "/api/v1/documents/" + lib.documentId() + "/file").bearer(token)), 200, "A's file"),
                () -> expect(http.send("A intact", Call.of("GET", "/api/v1/documents/{id}/pages/{page}",
                        "/api/v1/documents/" + lib.documentId() + "/pages/3").bearer(token)), 200, "A's page 3"),
                () -> {
                    JsonObject session = expect(http.send("A intact", Call.of("GET", "/api/v1/study/sessions/{id}",
                            "/api/v1/study/sessions/" + lib.sessionId()).bearer(token)), 200, "A's session").json();
                    assertEquals(lib.sessionTitle(), session.getString("title"), "A's session title");
                    assertEquals("ACTIVE", session.getString("status"), "A's session status");
                    assertEquals(new JsonArray().add(lib.documentId()), session.getJsonArray("documentIds"), "A's session documents");
                },
                () -> {
                    JsonObject history = expect(http.send("A intact", Call.of("GET", "/api/v1/study/sessions/{id}/history",
                            "/api/v1/study/sessions/" + lib.sessionId() + "/history").bearer(token)), 200, "A's history").json();
                    assertEquals(2, history.getJsonArray("messages").size(), "A's messages: " + history);
                    assertEquals(lib.question(), history.getJsonArray("messages").getJsonObject(0).getString("content"));
                },
                () -> {
                    JsonObject archived = expect(http.send("A intact", Call.of("GET", "/api/v1/study/sessions/{id}",
                            "/api/v1/study/sessions/" + lib.archivedSessionId()).bearer(token)), 200, "A's archived session").json();
                    assertEquals(lib.archivedSessionTitle(), archived.getString("title"));
                    assertEquals("ARCHIVED", archived.getString("status"));
                },
                () -> expect(http.send("A intact", Call.of("GET", "/api/v1/quiz/{id}", "/api/v1/quiz/" + lib.quizId())
                        .bearer(token)), 200, "A's quiz"),
                () -> assertEquals(1, expect(http.send("A intact", Call.of("GET", "/api/v1/quiz/{id}/attempts",
                        "/api/v1/quiz/" + lib.quizId() + "/attempts").bearer(token)), 200, "A's attempts").json()
                        .getJsonArray("items").size(), "A's attempts"),
                () -> expect(http.send("A intact", Call.of("GET", "/api/v1/quiz/{id}/attempts/{attemptId}",
                        "/api/v1/quiz/" + lib.quizId() + "/attempts/" + lib.attemptId()).bearer(token)), 200, "A's attempt"),
                () -> {
                    JsonObject card = expect(http.send("A intact", Call.of("GET", "/api/v1/quiz/review/cards/{id}",
                            "/api/v1/quiz/review/cards/" + lib.cardId()).bearer(token)), 200, "A's card").json();
                    assertEquals(false, card.getBoolean("suspended"), "A's card suspended");
                    assertEquals(0, card.getInteger("reps"), "A's card reviews");
                },
                () -> {
                    JsonObject results = expect(http.send("A intact", Call.of("POST", "/api/v1/documents/search").bearer(token)
                            .json(new JsonObject().put("query", "Which organelle produces ATP?"))), 200, "A's search").json();
                    assertTrue(results.getJsonArray("results").stream()
                            .anyMatch(r -> ((JsonObject) r).getString("documentId").equals(lib.documentId())), "A finds A's document");
                },
                () -> assertEquals(a.fullName(), expect(http.send("A intact", Call.of("GET", "/api/v1/users/me").bearer(token)),
                        200, "A's account").json().getString("fullName"), "A's name"),
                () -> expect(http.send("A intact: A's refresh token survived B's logout", Call.of("POST", "/api/v1/auth/refresh")
                        .fromNewAddress().json(new JsonObject().put("refreshToken", a.refreshToken()))), 200, "A's refresh"),
        };
        for (Runnable check : checks) {
            try {
                check.run();
            } catch (AssertionError e) {
                failures.add("A's resources changed: " + e.getMessage());
            }
        }
        return failures;
    }
}

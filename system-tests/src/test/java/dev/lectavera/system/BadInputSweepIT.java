package dev.lectavera.system;

import dev.lectavera.system.SweepFixture.Call;
import dev.lectavera.system.SweepFixture.Endpoint;
import dev.lectavera.system.SweepFixture.Http;
import dev.lectavera.system.SweepFixture.Library;
import dev.lectavera.system.SweepFixture.Multipart;
import dev.lectavera.system.SweepFixture.Pool;
import dev.lectavera.system.SweepFixture.RateClass;
import dev.lectavera.system.SweepFixture.Reply;
import dev.lectavera.system.SweepFixture.Socket;
import dev.lectavera.system.SweepFixture.Student;
import dev.lectavera.system.SweepFixture.Tokens;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;

import static dev.lectavera.system.SweepFixture.expect;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every endpoint, through the gateway, with what a careless or hostile client sends: no token and forged,
 * expired, revoked, {@code alg: none} and algorithm-confused tokens; junk and wrong-shaped JSON, wrong content
 * types, bad ids, pages and query parameters; bad and oversized uploads; a WebSocket without a token and junk
 * frames on a good one. Every answer must be a clear 4xx problem+json (never a 5xx, never a bare status), and a
 * refused request leaves nothing stored.
 */
@ExtendWith(LectaVeraSystem.class)
class BadInputSweepIT {

    /** Uploads above document-service's 50 MB limit (and the gateway's 51M route limit). */
    private static final long OVERSIZED = 60L * 1024 * 1024;
    private static final Set<String> PUBLIC = Set.of("/api/v1/auth/register", "/api/v1/auth/login",
            "/api/v1/auth/refresh", "/api/v1/auth/forgot-password", "/api/v1/auth/reset-password",
            "/api/v1/auth/verify-email", "/.well-known/jwks.json", "/api/v1/openapi.json", "/api/v1/docs/");

    private record Case(String name, Call call, int... allowed) {
    }

    @Test
    void everyBadInputIsAClearClientError(LectaVeraSystem.Running running) {
        Set<Endpoint> inventory = SweepFixture.inventory(running);
        Http http = new Http(running.gateway());
        Tokens tokens = Tokens.load(http, running);
        Pool pool = new Pool(http, "bad-input");
        Student owner = SweepFixture.register(http, "bad-input-owner");
        byte[] pdf = StudyPdf.unique();
        String document = SweepFixture.upload(http, owner, pdf, "Bad input sweep notes", 202);
        SweepFixture.awaitIndexed(http, owner, document);
        Library lib = SweepFixture.library(http, owner, pdf, document, "Bad input sweep notes", true);

        List<String> failures = new ArrayList<>();
        Set<Endpoint> covered = new TreeSet<>();

        // 1. Tokens: every endpoint that needs one, with each way of not having a good one → 401 problem+json.
        Student revoked = SweepFixture.register(http, "bad-input-revoked");
        expect(http.send("setup: logout", Call.of("POST", "/api/v1/auth/logout").bearer(revoked.accessToken())
                .json(new JsonObject().put("refreshToken", revoked.refreshToken()))), 204, "logout");
        // The logout reaches each instance's in-memory revocation mirror as a notice, well within a second.
        await("the logout reached the gateway").atMost(Duration.ofSeconds(1)).untilAsserted(() -> expect(http.send(
                "setup: revoked", Call.of("GET", "/api/v1/users/me").bearer(revoked.accessToken())), 401, "revoked"));
        Map<String, String> badTokens = badTokens(tokens, owner, revoked);
        for (Endpoint endpoint : inventory) {
            if (endpoint.method().equals("WS") || PUBLIC.contains(endpoint.template())) {
                continue;
            }
            String target = concrete(endpoint.template());
            for (Map.Entry<String, String> token : badTokens.entrySet()) {
                Call call = Call.of(endpoint.method(), endpoint.template(), target);
                if (token.getValue() != null) {
                    call.bearer(token.getValue());
                }
                if (!endpoint.method().equals("GET") && !endpoint.method().equals("DELETE")) {
                    call.json(new JsonObject().put("title", "x"));
                }
                check(new Case(token.getKey(), call, 401), http.send(token.getKey(), call), failures);
                covered.add(endpoint);
            }
        }

        // 2. Bodies, ids, pages and queries, endpoint by endpoint.
        for (Case c : table(http, lib, pool)) {
            Reply reply = http.send(c.name(), c.call());
            check(c, reply, failures);
            covered.add(c.call().endpoint);
        }

        // 3. Uploads: refused ones store nothing; a damaged PDF is taken and then fails with a readable reason.
        uploads(http, pool, failures);
        covered.add(new Endpoint("POST", "/api/v1/documents"));

        // 4. The WebSocket: no or bad token, a session that is not one, junk frames on a good socket.
        webSocket(http, running, tokens, lib, revoked, failures);
        covered.add(SweepFixture.WEBSOCKET);

        // The owner's things are still whole after all that.
        Reply history = expect(http.send("owner intact", Call.of("GET", "/api/v1/study/sessions/{id}/history",
                "/api/v1/study/sessions/" + lib.sessionId() + "/history").bearer(owner.accessToken())), 200, "history");
        if (history.json().getJsonArray("messages").size() != 2) {
            failures.add("junk asks were stored: the owner's session holds " + history.body());
        }
        Reply documents = expect(http.send("owner intact", Call.of("GET", "/api/v1/documents")
                .bearer(owner.accessToken())), 200, "documents");
        if (documents.json().getJsonArray("items").size() != 1) {
            failures.add("the owner's documents are not just the one uploaded: " + documents.body());
        }

        // The public key set and the gateway's API description (and its UI) take no input at all: nothing to get wrong.
        covered.add(new Endpoint("GET", "/.well-known/jwks.json"));
        covered.add(new Endpoint("GET", "/api/v1/openapi.json"));
        covered.add(new Endpoint("GET", "/api/v1/docs/"));
        Set<Endpoint> missing = SweepFixture.uncovered(inventory, covered);
        System.out.println(http.summary("Bad-input sweep", inventory, covered));
        List<SweepFixture.Exchange> serverErrors = http.serverErrors();
        assertAll(
                () -> assertTrue(missing.isEmpty(), "endpoints no bad-input case reaches (add them to the table): " + missing),
                () -> assertTrue(serverErrors.isEmpty(), "5xx or transport failures: " + serverErrors),
                () -> assertTrue(failures.isEmpty(), failures.size() + " unclear answers:\n" + String.join("\n", failures)));
    }

    /** Name → token (null: no Authorization header at all). */
    private static Map<String, String> badTokens(Tokens tokens, Student owner, Student revoked) {
        Instant now = Instant.now();
        JsonObject claims = Tokens.validClaims(owner.id(), owner.email());
        Map<String, String> bad = new LinkedHashMap<>();
        bad.put("no token", null);
        bad.put("not a JWT", "not-a-jwt");
        bad.put("three junk segments", "a.b.c");
        bad.put("alg none", Tokens.algNone(claims));
        bad.put("HS256 keyed with the public key", tokens.hs256WithPublicKey(claims));
        bad.put("RS256 by a foreign key", tokens.rs256(tokens.foreign.getPrivate(), claims));
        bad.put("payload swapped to another user", Tokens.tampered(owner.accessToken(),
                c -> c.put("sub", UUID.randomUUID().toString())));
        bad.put("revoked by logout", revoked.accessToken());
        tokens.realKey.ifPresent(key -> {
            bad.put("expired", tokens.rs256(key, Tokens.claims(owner.id(), owner.email(), "lectavera-auth",
                    now.minus(Duration.ofHours(2)), now.minus(Duration.ofHours(1)))));
            bad.put("wrong issuer", tokens.rs256(key, Tokens.claims(owner.id(), owner.email(), "someone-else",
                    now.minusSeconds(5), now.plus(Duration.ofMinutes(5)))));
        });
        return bad;
    }

    /** A template's variables filled with ids nobody has (pages with 1). */
    private static String concrete(String template) {
        return template.replace("{page}", "1").replaceAll("\\{[^}/]*}", UUID.randomUUID().toString());
    }

    /** Junk JSON every body endpoint gets, whatever its fields. */
    private static final List<String> JUNK_JSON = List.of("{\"title\": ", "[]", "\"hello\"", "null", "42", "{}",
            "{\"unknownField\": true}", "{\"title\": \"\u0000\"");

    private static List<Case> table(Http http, Library lib, Pool pool) {
        Student owner = lib.owner();
        String doc = "/api/v1/documents/" + lib.documentId();
        String session = "/api/v1/study/sessions/" + lib.sessionId();
        String quiz = "/api/v1/quiz/" + lib.quizId();
        List<Case> cases = new ArrayList<>();
        Function<RateClass, String> token = rateClass -> pool.take(rateClass).accessToken();

        // Bodies: junk, wrong shapes, wrong field types, wrong content types, a body over the route's limit.
        Map<Call, Map<String, Object>> bodies = new LinkedHashMap<>();
        bodies.put(Call.of("POST", "/api/v1/auth/register").fromNewAddress(), Map.of("email", 1, "password", List.of("x"), "fullName", Map.of()));
        bodies.put(Call.of("POST", "/api/v1/auth/login").fromNewAddress(), Map.of("email", List.of(owner.email()), "password", 5));
        bodies.put(Call.of("POST", "/api/v1/auth/refresh").fromNewAddress(), Map.of("refreshToken", 7));
        bodies.put(Call.of("POST", "/api/v1/auth/forgot-password").fromNewAddress(), Map.of("email", true));
        bodies.put(Call.of("POST", "/api/v1/auth/reset-password").fromNewAddress(), Map.of("token", List.of(), "newPassword", 3));
        bodies.put(Call.of("POST", "/api/v1/auth/verify-email").fromNewAddress(), Map.of("token", Map.of("a", 1)));
        bodies.put(Call.of("POST", "/api/v1/auth/logout"), Map.of("refreshToken", List.of("x")));
        bodies.put(Call.of("PATCH", "/api/v1/users/me"), Map.of("fullName", List.of("x")));
        // The password-confirming routes are in the auth class, per client address: each case from its own.
        bodies.put(Call.of("POST", "/api/v1/users/me/password").fromNewAddress(), Map.of("currentPassword", 1, "newPassword", false));
        bodies.put(Call.of("DELETE", "/api/v1/users/me").fromNewAddress(), Map.of("password", List.of(owner.password())));
        bodies.put(Call.of("PATCH", "/api/v1/documents/{id}", doc), Map.of("tags", "one", "archived", "yes"));
        bodies.put(Call.of("POST", "/api/v1/documents/search"), Map.of("query", List.of("q"), "topK", "many"));
        bodies.put(Call.of("POST", "/api/v1/study/sessions"), Map.of("title", 5, "documentIds", lib.documentId()));
        bodies.put(Call.of("PATCH", "/api/v1/study/sessions/{id}", session), Map.of("title", Map.of(), "documentIds", "all"));
        bodies.put(Call.of("POST", "/api/v1/study/sessions/{id}/messages", session + "/messages"), Map.of("content", List.of("q")));
        bodies.put(Call.of("POST", "/api/v1/quiz/generate"), Map.of("documentIds", lib.documentId(), "count", "ten"));
        bodies.put(Call.of("POST", "/api/v1/quiz/{id}/attempts", quiz + "/attempts"), Map.of("answers", "all right", "timeSpentSeconds", "long"));
        bodies.put(Call.of("POST", "/api/v1/quiz/review/cards/{id}/reviews", "/api/v1/quiz/review/cards/" + lib.cardId()
                + "/reviews"), Map.of("rating", List.of("good"), "answer", 5));
        bodies.put(Call.of("POST", "/api/v1/quiz/review/cards/from-question"), Map.of("questionId", 5));
        bodies.put(Call.of("POST", "/api/v1/quiz/review/cards/from-citation"), Map.of("documentId", List.of(), "page",
                "one", "quote", 3));
        bodies.put(Call.of("POST", "/api/v1/quiz/review/flashcards"), Map.of("documentIds", lib.documentId(), "count",
                "ten"));
        for (Map.Entry<Call, Map<String, Object>> entry : bodies.entrySet()) {
            Call template = entry.getKey();
            Endpoint endpoint = template.endpoint;
            boolean ownerOnly = endpoint.template().contains("{id}");
            boolean anonymous = PUBLIC.contains(endpoint.template());
            RateClass rateClass = RateClass.of(endpoint);
            boolean logout = endpoint.template().equals("/api/v1/auth/logout");
            Function<Call, Call> as = call -> {
                if (logout) {
                    call.bearer(SweepFixture.register(http, "bad-input-logout").accessToken());
                } else if (!anonymous) {
                    call.bearer(ownerOnly ? owner.accessToken() : token.apply(rateClass));
                }
                if (template.headers.containsKey("X-Forwarded-For")) {
                    call.fromNewAddress();
                }
                return call;
            };
            for (String junk : JUNK_JSON) {
                if ((junk.equals("{}") && endpoint.method().equals("PATCH")) || (logout && !junk.startsWith("{\"title\": "))) {
                    continue; // an empty patch is a valid request; so is a logout of the caller's own token, whatever the body
                }
                cases.add(new Case("junk JSON " + junk, as.apply(Call.of(endpoint.method(), endpoint.template(), template.target)
                        .body("application/json", junk))));
            }
            JsonObject wrongTypes = new JsonObject(entry.getValue());
            cases.add(new Case("wrong field types", as.apply(Call.of(endpoint.method(), endpoint.template(), template.target)
                    .json(wrongTypes))));
            if (!logout) {
                cases.add(new Case("no body", as.apply(Call.of(endpoint.method(), endpoint.template(), template.target)
                        .header("Content-Type", "application/json"))));
            }
            // Logout ignores a body that is not JSON (most clients send none): it is a logout all the same.
            int[] otherTypes = logout ? new int[]{204, 415} : new int[0];
            cases.add(new Case("text/plain body", as.apply(Call.of(endpoint.method(), endpoint.template(), template.target)
                    .body("text/plain", "hello")), otherTypes));
            cases.add(new Case("form body", as.apply(Call.of(endpoint.method(), endpoint.template(), template.target)
                    .body("application/x-www-form-urlencoded", "title=x")), otherTypes));
        }
        // Over the 10M limit of every JSON route: refused by the gateway with a problem, not a bare 413.
        String huge = "{\"title\":\"" + "x".repeat(11 * 1024 * 1024) + "\"}";
        cases.add(new Case("11 MB JSON", Call.of("POST", "/api/v1/study/sessions").bearer(token.apply(RateClass.DEFAULT))
                .body("application/json", huge), 413));
        cases.add(new Case("11 MB login", Call.of("POST", "/api/v1/auth/login").fromNewAddress()
                .body("application/json", huge), 413));

        // Ids that are not ids, pages that are not pages.
        for (String bad : List.of("not-a-uuid", "123", "%20", "00000000-0000-0000-0000-00000000000g", "x".repeat(300))) {
            String id = URLEncoder.encode(bad, StandardCharsets.UTF_8).replace("%2520", "%20");
            for (String[] endpoint : new String[][]{{"GET", "/api/v1/documents/{id}", "/api/v1/documents/" + id},
                    {"GET", "/api/v1/documents/{id}/status", "/api/v1/documents/" + id + "/status"},
                    {"GET", "/api/v1/documents/{id}/file", "/api/v1/documents/" + id + "/file"},
                    {"GET", "/api/v1/documents/{id}/pages/{page}", "/api/v1/documents/" + id + "/pages/1"},
                    {"DELETE", "/api/v1/documents/{id}", "/api/v1/documents/" + id},
                    {"GET", "/api/v1/study/sessions/{id}", "/api/v1/study/sessions/" + id},
                    {"GET", "/api/v1/study/sessions/{id}/messages", "/api/v1/study/sessions/" + id + "/messages"},
                    {"GET", "/api/v1/study/sessions/{id}/history", "/api/v1/study/sessions/" + id + "/history"},
                    {"POST", "/api/v1/study/sessions/{id}/archive", "/api/v1/study/sessions/" + id + "/archive"},
                    {"DELETE", "/api/v1/study/sessions/{id}", "/api/v1/study/sessions/" + id},
                    {"GET", "/api/v1/quiz/{id}", "/api/v1/quiz/" + id},
                    {"GET", "/api/v1/quiz/{id}/attempts", "/api/v1/quiz/" + id + "/attempts"},
                    {"GET", "/api/v1/quiz/{id}/attempts/{attemptId}", quiz + "/attempts/" + id}}) {
                cases.add(new Case("bad id " + bad, Call.of(endpoint[0], endpoint[1], endpoint[2])
                        .bearer(token.apply(RateClass.DEFAULT))));
            }
        }
        for (String page : List.of("0", "-1", "abc", "100000", "1.5", "99999999999999999999")) {
            cases.add(new Case("page " + page, Call.of("GET", "/api/v1/documents/{id}/pages/{page}", doc + "/pages/" + page)
                    .bearer(owner.accessToken())));
        }

        // Query parameters out of range or of the wrong kind.
        Map<String, List<String>> queries = new LinkedHashMap<>();
        queries.put("/api/v1/documents", List.of("page=-1", "size=0", "size=1000", "page=abc", "archived=maybe",
                "q=" + "x".repeat(201), "category=" + "c".repeat(65)));
        queries.put("/api/v1/study/sessions", List.of("status=SLEEPING", "page=-1", "size=101", "size=x"));
        queries.put("/api/v1/quiz", List.of("page=-5", "size=0", "size=many"));
        queries.put("/api/v1/analytics/overview", List.of("tz=Mars/Olympus_Mons", "tz=" + "x".repeat(300)));
        queries.put("/api/v1/analytics/activity", List.of("from=yesterday", "to=2026-13-40", "granularity=hour",
                "from=2026-05-10&to=2026-05-01", "from=1900-01-01&to=2100-01-01", "tz=Nowhere/City"));
        queries.put("/api/v1/analytics/queries", List.of("from=soon", "to=2026-02-30", "from=2026-05-10&to=2026-05-01"));
        for (Map.Entry<String, List<String>> entry : queries.entrySet()) {
            for (String query : entry.getValue()) {
                cases.add(new Case("query " + query, Call.of("GET", entry.getKey(), entry.getKey() + "?" + query)
                        .bearer(token.apply(RateClass.DEFAULT))));
            }
        }
        for (String path : List.of(session + "/messages", session + "/history")) {
            String template = path.endsWith("messages") ? "/api/v1/study/sessions/{id}/messages" : "/api/v1/study/sessions/{id}/history";
            for (String query : List.of("limit=0", "limit=100000", "limit=x", "after=not-an-id", "after=" + UUID.randomUUID())) {
                cases.add(new Case("query " + query, Call.of("GET", template, path + "?" + query).bearer(owner.accessToken())));
            }
        }
        for (String query : List.of("page=-1", "size=0")) {
            cases.add(new Case("query " + query, Call.of("GET", "/api/v1/quiz/{id}/attempts", quiz + "/attempts?" + query)
                    .bearer(owner.accessToken())));
        }

        // Values of the right type but out of bounds, where bounds matter most.
        cases.add(new Case("quiz of 0 questions", Call.of("POST", "/api/v1/quiz/generate").bearer(token.apply(RateClass.QUIZ))
                .json(new JsonObject().put("documentIds", new JsonArray().add(lib.documentId())).put("count", 0))));
        cases.add(new Case("quiz of 51 questions", Call.of("POST", "/api/v1/quiz/generate").bearer(token.apply(RateClass.QUIZ))
                .json(new JsonObject().put("documentIds", new JsonArray().add(lib.documentId())).put("count", 51))));
        cases.add(new Case("quiz of an unknown type", Call.of("POST", "/api/v1/quiz/generate").bearer(token.apply(RateClass.QUIZ))
                .json(new JsonObject().put("documentIds", new JsonArray().add(lib.documentId())).put("count", 2)
                        .put("types", new JsonArray().add("essay")))));
        cases.add(new Case("attempt answering a question twice", Call.of("POST", "/api/v1/quiz/{id}/attempts", quiz + "/attempts")
                .bearer(owner.accessToken()).json(new JsonObject().put("timeSpentSeconds", 3).put("answers", new JsonArray()
                        .add(new JsonObject().put("questionId", lib.questionIds().get(0)).put("answer", "a"))
                        .add(new JsonObject().put("questionId", lib.questionIds().get(0)).put("answer", "b"))))));
        cases.add(new Case("negative time", Call.of("POST", "/api/v1/quiz/{id}/attempts", quiz + "/attempts")
                .bearer(owner.accessToken()).json(new JsonObject().put("timeSpentSeconds", -1).put("answers", new JsonArray()))));
        cases.add(new Case("question of 4,001 chars", Call.of("POST", "/api/v1/study/sessions/{id}/messages", session + "/messages")
                .bearer(owner.accessToken()).json(new JsonObject().put("content", "x".repeat(4001)))));
        cases.add(new Case("search of 1,001 chars", Call.of("POST", "/api/v1/documents/search").bearer(token.apply(RateClass.SEARCH))
                .json(new JsonObject().put("query", "q".repeat(1001)))));
        cases.add(new Case("search topK 51", Call.of("POST", "/api/v1/documents/search").bearer(token.apply(RateClass.SEARCH))
                .json(new JsonObject().put("query", "cells").put("topK", 51))));
        cases.add(new Case("register with a weak password", Call.of("POST", "/api/v1/auth/register").fromNewAddress()
                .json(new JsonObject().put("email", "weak-" + UUID.randomUUID() + "@example.org").put("password", "123")
                        .put("fullName", "Weak"))));
        cases.add(new Case("register with a bad email", Call.of("POST", "/api/v1/auth/register").fromNewAddress()
                .json(new JsonObject().put("email", "not an email").put("password", "A long enough passphrase 42!")
                        .put("fullName", "Bad Email"))));
        cases.add(new Case("reset with an unknown token", Call.of("POST", "/api/v1/auth/reset-password").fromNewAddress()
                .json(new JsonObject().put("token", "nope").put("newPassword", "A long enough passphrase 42!"))));
        cases.add(new Case("verify an unknown token", Call.of("POST", "/api/v1/auth/verify-email").fromNewAddress()
                .json(new JsonObject().put("token", "nope"))));
        cases.add(new Case("refresh an unknown token", Call.of("POST", "/api/v1/auth/refresh").fromNewAddress()
                .json(new JsonObject().put("refreshToken", "nope"))));
        cases.add(new Case("login with a wrong password", Call.of("POST", "/api/v1/auth/login").fromNewAddress()
                .json(new JsonObject().put("email", owner.email()).put("password", "wrong"))));
        cases.add(new Case("change password with a wrong current one", Call.of("POST", "/api/v1/users/me/password")
                .fromNewAddress().bearer(token.apply(RateClass.DEFAULT)).json(new JsonObject().put("currentPassword", "wrong")
                        .put("newPassword", "A long enough passphrase 42!"))));
        cases.add(new Case("delete account with a wrong password", Call.of("DELETE", "/api/v1/users/me")
                .fromNewAddress().bearer(token.apply(RateClass.DEFAULT)).json(new JsonObject().put("password", "wrong"))));
        cases.add(new Case("jwks by POST", Call.of("POST", "/.well-known/jwks.json").json(new JsonObject()), 401, 405));
        return cases;
    }

    private static void uploads(Http http, Pool pool, List<String> failures) {
        byte[] text = "Just some notes, not a PDF at all.".getBytes(StandardCharsets.UTF_8);
        byte[] pdf = StudyPdf.unique();
        List<Case> refused = new ArrayList<>();
        refused.add(new Case("a text file named .pdf", new Multipart().file("file", "notes.pdf", "application/pdf", text)
                .into(Call.of("POST", "/api/v1/documents")), 415));
        refused.add(new Case("an empty file", new Multipart().file("file", "empty.pdf", "application/pdf", new byte[0])
                .into(Call.of("POST", "/api/v1/documents"))));
        refused.add(new Case("no file part", new Multipart().field("title", "Where is the file")
                .into(Call.of("POST", "/api/v1/documents")), 400));
        refused.add(new Case("the file in a field of another name", new Multipart().file("document", "notes.pdf", "application/pdf", pdf)
                .into(Call.of("POST", "/api/v1/documents")), 400));
        refused.add(new Case("a JSON body", Call.of("POST", "/api/v1/documents").json(new JsonObject().put("file", "x"))));
        refused.add(new Case("raw PDF bytes, not multipart", Call.of("POST", "/api/v1/documents")
                .body("application/pdf", java.net.http.HttpRequest.BodyPublishers.ofByteArray(pdf))));
        refused.add(new Case("a multipart body with a broken boundary", Call.of("POST", "/api/v1/documents")
                .body("multipart/form-data; boundary=nothing-like-it", "--other\r\nContent-Disposition: form-data; name=\"file\"\r\n\r\nx")));
        refused.add(new Case("a title of 201 chars", new Multipart().file("file", "notes.pdf", "application/pdf", pdf)
                .field("title", "t".repeat(201)).into(Call.of("POST", "/api/v1/documents")), 400));
        refused.add(new Case("21 tags", new Multipart().file("file", "notes.pdf", "application/pdf", pdf)
                .field("tags", String.join(",", java.util.stream.IntStream.rangeClosed(1, 21).mapToObj(i -> "tag" + i).toList())).into(Call.of("POST", "/api/v1/documents")), 400));
        refused.add(new Case("60 MB with its length", new Multipart().file("file", "big.pdf", "application/pdf", OVERSIZED,
                () -> SweepFixture.pdfLikeStream(OVERSIZED)).into(Call.of("POST", "/api/v1/documents")), 413));
        refused.add(new Case("60 MB streamed without a length", new Multipart().file("file", "big.pdf", "application/pdf", OVERSIZED,
                () -> SweepFixture.pdfLikeStream(OVERSIZED)).into(Call.of("POST", "/api/v1/documents"), true), 413));
        Map<String, Integer> accepted = new LinkedHashMap<>();
        List<Student> uploaders = new ArrayList<>();
        for (Case c : refused) {
            Student student = pool.take(RateClass.UPLOAD);
            if (!uploaders.contains(student)) {
                uploaders.add(student);
            }
            check(c, http.send("upload: " + c.name(), c.call().bearer(student.accessToken())), failures);
        }
        // A damaged PDF (the header, then nothing that parses) can only be judged by reading it: taken, then FAILED.
        Student student = pool.take(RateClass.UPLOAD);
        if (!uploaders.contains(student)) {
            uploaders.add(student);
        }
        byte[] damaged = new byte[4096];
        System.arraycopy("%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII), 0, damaged, 0, 9);
        Reply taken = http.send("upload: a damaged PDF", new Multipart().file("file", "damaged.pdf", "application/pdf", damaged)
                .into(Call.of("POST", "/api/v1/documents")).bearer(student.accessToken()));
        if (taken.status() != 202) {
            failures.add("a damaged PDF: expected 202 then FAILED, got " + taken.brief());
        } else {
            accepted.merge(student.id(), 1, Integer::sum);
            String id = taken.json().getString("id");
            await("damaged PDF fails").atMost(SweepFixture.PROCESSING).until(() -> {
                JsonObject status = expect(http.send("damaged status", Call.of("GET", "/api/v1/documents/{id}/status",
                        "/api/v1/documents/" + id + "/status").bearer(student.accessToken())), 200, "status").json();
                if (status.getString("status").equals("INDEXED")) {
                    failures.add("a damaged PDF was indexed: " + status);
                    return true;
                }
                if (status.getString("status").equals("FAILED")) {
                    String reason = status.getString("failureReason");
                    if (reason == null || reason.isBlank() || reason.contains("Exception")) {
                        failures.add("a damaged PDF failed without a readable reason: " + status);
                    }
                    return true;
                }
                return false;
            });
        }
        // Nothing half-stored: each uploader holds exactly the documents it was told were accepted.
        for (Student uploader : uploaders) {
            Reply list = expect(http.send("uploader's documents", Call.of("GET", "/api/v1/documents")
                    .bearer(uploader.accessToken())), 200, "documents");
            int held = list.json().getJsonArray("items").size();
            int expected = accepted.getOrDefault(uploader.id(), 0);
            if (held != expected) {
                failures.add("refused uploads left documents behind: " + uploader.email() + " holds " + held
                        + ", accepted " + expected + ": " + list.body());
            }
        }
    }

    private static void webSocket(Http http, LectaVeraSystem.Running running, Tokens tokens, Library lib, Student revoked,
                                  List<String> failures) {
        String session = lib.sessionId();
        Map<String, String> bad = new LinkedHashMap<>();
        bad.put("no token", null);
        bad.put("not a JWT", "not-a-jwt");
        bad.put("alg none", Tokens.algNone(Tokens.validClaims(lib.owner().id(), lib.owner().email())));
        bad.put("RS256 by a foreign key", tokens.rs256(tokens.foreign.getPrivate(),
                Tokens.validClaims(lib.owner().id(), lib.owner().email())));
        bad.put("revoked by logout", revoked.accessToken());
        for (Map.Entry<String, String> token : bad.entrySet()) {
            Socket socket = http.websocket("WS " + token.getKey(), session, token.getValue(), Duration.ofSeconds(3));
            if (!socket.refused() || !socket.frames().isEmpty()) {
                failures.add("WS with " + token.getKey() + " was not refused: " + socket);
            }
        }
        for (String notASession : List.of("not-a-uuid", UUID.randomUUID().toString())) {
            Socket socket = http.websocket("WS session " + notASession, notASession, lib.owner().accessToken(), Duration.ofSeconds(3));
            if (!socket.refused()) {
                failures.add("WS to session " + notASession + " was not refused: " + socket);
            }
        }

        // Junk frames on a good socket: an error frame each, the socket stays usable.
        URI uri = URI.create("ws://" + running.gateway().getAuthority() + "/ws/study/" + session + "?token="
                + URLEncoder.encode(lib.owner().accessToken(), StandardCharsets.UTF_8));
        try (LiveSocket socket = LiveSocket.open(uri)) {
            List<String> junk = List.of("not json", "[]", "{\"type\":\"dance\"}", "{\"type\":\"ask\"}",
                    "{\"type\":\"ask\",\"content\":\"   \"}", "{\"type\":\"ask\",\"content\":\"" + "x".repeat(4001) + "\"}",
                    "{\"type\":\"token\",\"token\":\"not-a-jwt\"}");
            for (String frame : junk) {
                socket.sendText(frame);
            }
            await("an error frame per junk frame").atMost(Duration.ofSeconds(30))
                    .until(() -> socket.events("error").size() >= junk.size() || socket.isClosed());
            if (socket.isClosed()) {
                failures.add("junk frames closed the socket; errors sent: " + socket.events("error"));
            } else {
                socket.events("error").stream().filter(e -> e.getString("code") == null || e.getString("code").equals("internal"))
                        .forEach(e -> failures.add("junk frame answered without a clear code: " + e));
                socket.send(new JsonObject().put("type", "ping"));
                socket.awaitEvent("pong", e -> true);
            }
        }
    }

    private static void check(Case c, Reply reply, List<String> failures) {
        String what = c.name() + " (" + c.call().endpoint.method() + " " + abbreviate(c.call().target) + ") → ";
        int status = reply.status();
        boolean allowed = c.allowed().length == 0 ? status >= 400 && status < 500
                : java.util.Arrays.stream(c.allowed()).anyMatch(a -> a == status);
        if (!allowed) {
            failures.add(what + "expected " + (c.allowed().length == 0 ? "4xx" : java.util.Arrays.toString(c.allowed()))
                    + " but got " + reply.brief());
        } else if (status < 400) {
            return; // a success the case allows (see its reason)
        } else if (!reply.problemJson()) {
            failures.add(what + status + " without problem+json: " + reply.brief());
        } else {
            JsonObject problem = reply.json();
            if (problem.getString("title") == null || problem.getInteger("status", 0) != status) {
                failures.add(what + "problem without title/status: " + reply.brief());
            }
            if (reply.body().contains("Exception") || reply.body().contains("\tat ")) {
                failures.add(what + "problem shows internals: " + reply.brief());
            }
        }
    }

    private static String abbreviate(String target) {
        return target.length() > 120 ? target.substring(0, 120) + "…" : target;
    }
}

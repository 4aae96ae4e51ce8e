package dev.lectavera.system;

import dev.lectavera.system.SweepFixture.Call;
import dev.lectavera.system.SweepFixture.Http;
import dev.lectavera.system.SweepFixture.Socket;
import dev.lectavera.system.SweepFixture.Student;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import static dev.lectavera.system.SweepFixture.expect;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Stolen and revoked tokens against the running system: a logged-out token smuggled next to a valid one never
 * opens another account's chat, open study sockets close when their token is revoked in any of the ways a user
 * revokes it, and a token issued before a password change is refused by the gateway and by every service.
 */
@ExtendWith(LectaVeraSystem.class)
class StolenTokenIT {

    /** How long a revoked token's socket may stay open (the services aim for well under a second). */
    private static final Duration CLOSE_WITHIN = Duration.ofSeconds(5);
    /** How long after the revoking call's answer every instance refuses the token (its mirror has the notice). */
    private static final Duration REVOCATION_SPREADS_WITHIN = Duration.ofSeconds(1);
    /** How long a refused socket attempt is watched for a ready frame before it counts as not refused. */
    private static final Duration LISTEN = Duration.ofSeconds(3);
    /** Every service's own port, with a GET its user may make. */
    private static final Map<String, String> SERVICE_CALLS = Map.of("auth", "/api/v1/users/me",
            "document", "/api/v1/documents", "study", "/api/v1/study/sessions", "quiz", "/api/v1/quiz",
            "analytics", "/api/v1/analytics/overview");

    @Test
    void aSmuggledRevokedTokenNeverReentersAnotherAccountsChat(LectaVeraSystem.Running running) {
        Http http = new Http(running.gateway());
        Student victim = SweepFixture.register(http, "victim");
        Student intruder = SweepFixture.register(http, "intruder");
        String documentId = SweepFixture.upload(http, victim, StudyPdf.unique(), "Victim's notes", 202);
        SweepFixture.awaitIndexed(http, victim, documentId);
        String session = expect(http.send("victim's session", Call.of("POST", "/api/v1/study/sessions")
                .bearer(victim.accessToken()).json(new JsonObject().put("title", "Victim's revision")
                        .put("documentIds", new JsonArray().add(documentId)))), 201, "session").json().getString("id");
        JsonObject asked = expect(http.send("victim asks", Call.of("POST", "/api/v1/study/sessions/{id}/messages",
                "/api/v1/study/sessions/" + session + "/messages").bearer(victim.accessToken())
                .json(new JsonObject().put("content", "Which organelle produces ATP?"))), 200, "ask").json();
        String answer = asked.getJsonObject("answer").getString("content");

        // Control: while the victim's token is valid, it opens the chat.
        Socket control = http.websocket("victim's own socket", session, victim.accessToken(), Duration.ofSeconds(2));
        assertTrue(control.handshakeStatus() == 101 && control.frames().stream().anyMatch(f -> f.contains("\"ready\"")),
                "the victim's valid token opens the victim's chat: " + control);
        expect(http.send("victim logs out", Call.of("POST", "/api/v1/auth/logout").bearer(victim.accessToken())
                .json(new JsonObject().put("refreshToken", victim.refreshToken()))), 204, "logout");
        // The logout reaches each instance's in-memory revocation mirror as a notice, well within a second.
        await("the logout reached the gateway and both study instances").atMost(REVOCATION_SPREADS_WITHIN)
                .untilAsserted(() -> {
                    for (URI reader : List.of(running.gateway(), running.service("study"), running.service("study-2"))) {
                        expect(new Http(reader).send("revoked token", Call.of("GET", "/api/v1/study/sessions")
                                .bearer(victim.accessToken())), 401, "revoked token at " + reader);
                    }
                });

        String revoked = URLEncoder.encode(victim.accessToken(), StandardCharsets.UTF_8);
        String valid = URLEncoder.encode(intruder.accessToken(), StandardCharsets.UTF_8);
        Map<String, String> intruderHeader = Map.of("Authorization", "Bearer " + intruder.accessToken());
        String path = "/ws/study/" + session;
        record Attempt(String name, Http via, String target, Map<String, String> headers) {
        }
        List<Attempt> attempts = new ArrayList<>();
        attempts.add(new Attempt("valid token in Authorization, revoked one as ?%74oken=", http, path + "?%74oken=" + revoked, intruderHeader));
        attempts.add(new Attempt("valid token in Authorization, revoked one as ?token=", http, path + "?token=" + revoked, intruderHeader));
        attempts.add(new Attempt("valid ?token= then revoked ?%74oken=", http, path + "?token=" + valid + "&%74oken=" + revoked, Map.of()));
        attempts.add(new Attempt("revoked ?%74oken= then valid ?token=", http, path + "?%74oken=" + revoked + "&token=" + valid, Map.of()));
        attempts.add(new Attempt("revoked ?%74oken= alone", http, path + "?%74oken=" + revoked, Map.of()));
        attempts.add(new Attempt("revoked ?token= alone", http, path + "?token=" + revoked, Map.of()));
        attempts.add(new Attempt("revoked token in Authorization", http, path, Map.of("Authorization", "Bearer " + victim.accessToken())));
        // Behind the gateway: each study-service instance checks revocation itself.
        for (String instance : List.of("study", "study-2")) {
            Http direct = new Http(running.service(instance));
            attempts.add(new Attempt(instance + " directly: revoked ?token= alone", direct, path + "?token=" + revoked, Map.of()));
            attempts.add(new Attempt(instance + " directly: valid token in Authorization, revoked one as ?%74oken=", direct,
                    path + "?%74oken=" + revoked, intruderHeader));
        }

        List<String> failures = new ArrayList<>();
        for (Attempt attempt : attempts) {
            Socket socket = attempt.via().websocket(attempt.name(), attempt.target(), attempt.headers(), LISTEN);
            String frames = String.join("\n", socket.frames());
            if (!refused(socket)) {
                failures.add(attempt.name() + ": not refused: " + socket);
            }
            if (frames.contains("\"ready\"") || frames.contains(answer) || frames.contains("Which organelle")) {
                failures.add(attempt.name() + ": the victim's chat reached the intruder: " + socket);
            }
        }

        // The gateway's access log keeps the path of an upgrade, never its query (the token).
        String gatewayLog = awaitLogged(running, "gateway", path);
        System.out.printf("Smuggled tokens: %d attempts, %d not refused%n", attempts.size(), failures.size());
        assertAll(
                () -> assertTrue(failures.isEmpty(), failures.size() + " smuggled tokens got in:\n" + String.join("\n", failures)),
                () -> assertFalse(gatewayLog.contains(signature(victim.accessToken())), "the gateway logged the victim's token"),
                () -> assertFalse(gatewayLog.contains(signature(intruder.accessToken())), "the gateway logged the intruder's token"));
    }

    @Test
    void studySocketsCloseWhenTheirTokenIsRevoked(LectaVeraSystem.Running running) {
        Http http = new Http(running.gateway());
        Student student = SweepFixture.register(http, "socket-owner");
        String documentId = SweepFixture.upload(http, student, StudyPdf.unique(), "Notes", 202);
        SweepFixture.awaitIndexed(http, student, documentId);
        String session = expect(http.send("session", Call.of("POST", "/api/v1/study/sessions")
                .bearer(student.accessToken()).json(new JsonObject().put("title", "Revision")
                        .put("documentIds", new JsonArray().add(documentId)))), 201, "session").json().getString("id");
        String[] password = {student.password()};
        Map<String, Duration> closedAfter = new LinkedHashMap<>();

        // Logout of the socket's own token.
        String loggedOut = login(http, student.email(), password[0]);
        closedAfter.put("logout", revokeWhileOpen(running, session, loggedOut, () ->
                expect(http.send("logout", Call.of("POST", "/api/v1/auth/logout").bearer(loggedOut)), 204, "logout")));

        // A password change made with another token of the same account.
        String beforeChange = login(http, student.email(), password[0]);
        String caller = login(http, student.email(), password[0]);
        String newPassword = SweepFixture.PASSWORD_PREFIX + "changed " + Instant.now().toEpochMilli();
        closedAfter.put("password change", revokeWhileOpen(running, session, beforeChange, () -> {
            expect(http.send("change password", Call.of("POST", "/api/v1/users/me/password").fromNewAddress().bearer(caller)
                    .json(new JsonObject().put("currentPassword", password[0]).put("newPassword", newPassword))), 204, "change password");
            password[0] = newPassword;
        }));

        // Account deletion, again from another token.
        String beforeDeletion = login(http, student.email(), password[0]);
        String deleter = login(http, student.email(), password[0]);
        closedAfter.put("account deletion", revokeWhileOpen(running, session, beforeDeletion, () ->
                expect(http.send("delete account", Call.of("DELETE", "/api/v1/users/me").fromNewAddress().bearer(deleter)
                        .json(new JsonObject().put("password", password[0]))), 204, "delete account")));

        System.out.println("Study sockets closed after revocation (gateway, study, study-2): " + closedAfter);
    }

    @Test
    void aTokenIssuedBeforeAPasswordChangeIsRefusedEverywhere(LectaVeraSystem.Running running) {
        Http http = new Http(running.gateway());
        Student student = SweepFixture.register(http, "password-changer");
        String old = student.accessToken();
        String caller = login(http, student.email(), student.password());
        // Control: the old token works through the gateway and on every service's own port.
        expect(http.send("old token before", Call.of("GET", "/api/v1/documents").bearer(old)), 200, "old token before");
        SERVICE_CALLS.forEach((service, path) -> expect(new Http(running.service(service))
                .send("old token before, " + service, Call.of("GET", path).bearer(old)), 200, service + " before"));

        expect(http.send("change password", Call.of("POST", "/api/v1/users/me/password").fromNewAddress().bearer(caller)
                .json(new JsonObject().put("currentPassword", student.password())
                        .put("newPassword", SweepFixture.PASSWORD_PREFIX + "changed " + Instant.now().toEpochMilli()))),
                204, "change password");

        // Each instance learns of the change through its revocation mirror (a notice), well within a second.
        Map<String, Integer> after = new LinkedHashMap<>();
        await("the old token refused everywhere").atMost(REVOCATION_SPREADS_WITHIN).untilAsserted(() -> {
            for (String path : List.of("/api/v1/documents", "/api/v1/users/me", "/api/v1/study/sessions", "/api/v1/quiz")) {
                after.put("gateway " + path, http.send("old token after", Call.of("GET", path).bearer(old)).status());
            }
            SERVICE_CALLS.forEach((service, path) -> after.put(service + " " + path, new Http(running.service(service))
                    .send("old token after, " + service, Call.of("GET", path).bearer(old)).status()));
            assertAll(after.entrySet().stream().map(e -> () -> assertEquals(401, e.getValue(), e.getKey())));
        });
        System.out.println("A token issued before a password change, afterwards: " + after);
    }

    /**
     * Opens the session's socket with {@code token} through the gateway and on each study instance, revokes the
     * token with {@code revoke}, and returns how long the last socket took to close.
     */
    private static Duration revokeWhileOpen(LectaVeraSystem.Running running, String session, String token, Runnable revoke) {
        String query = "?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
        Map<String, URI> entries = new LinkedHashMap<>();
        entries.put("gateway", URI.create("ws://" + running.gateway().getAuthority() + "/ws/study/" + session + query));
        for (String instance : List.of("study", "study-2")) {
            entries.put(instance, URI.create("ws://" + running.service(instance).getAuthority() + "/ws/study/" + session + query));
        }
        List<LiveSocket> sockets = new ArrayList<>();
        try {
            entries.values().forEach(uri -> sockets.add(LiveSocket.open(uri)));
            Instant revoked = Instant.now();
            revoke.run();
            // The client keeps pinging, as a browser tab does: that must not keep a revoked socket alive.
            await("sockets closed after revocation").atMost(CLOSE_WITHIN).pollInterval(Duration.ofMillis(100))
                    .untilAsserted(() -> {
                        List<String> open = new ArrayList<>();
                        int i = 0;
                        for (String entry : entries.keySet()) {
                            LiveSocket socket = sockets.get(i++);
                            if (!socket.isClosed()) {
                                socket.send(new JsonObject().put("type", "ping"));
                                open.add(entry);
                            }
                        }
                        assertTrue(open.isEmpty(), "still open: " + open);
                    });
            return Duration.between(revoked, Instant.now());
        } finally {
            sockets.forEach(LiveSocket::close);
        }
    }

    private static String login(Http http, String email, String password) {
        return expect(http.send("login", Call.of("POST", "/api/v1/auth/login").fromNewAddress()
                .json(new JsonObject().put("email", email).put("password", password))), 200, "login").json()
                .getString("accessToken");
    }

    /** Handshake refused (4xx), or upgraded and closed at once as a policy violation or an unauthorised token. */
    private static boolean refused(Socket socket) {
        return (socket.handshakeStatus() >= 400 && socket.handshakeStatus() < 500)
                || (socket.handshakeStatus() == 101 && socket.closeCode() != null
                && (socket.closeCode() == 1008 || socket.closeCode() == 4401));
    }

    /** The JWT's signature: the part no log line may hold. */
    private static String signature(String jwt) {
        return jwt.substring(jwt.lastIndexOf('.') + 1);
    }

    /** A process's log once it mentions {@code text} (log lines are written asynchronously). */
    private static String awaitLogged(LectaVeraSystem.Running running, String process, String text) {
        Supplier<String> read = () -> {
            try {
                return Files.readString(running.log(process));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
        return await(process + " log mentions " + text).atMost(Duration.ofSeconds(15)).until(read::get, log -> log.contains(text));
    }
}

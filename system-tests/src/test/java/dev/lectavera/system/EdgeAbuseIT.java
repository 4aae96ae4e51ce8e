package dev.lectavera.system;

import dev.lectavera.system.SweepFixture.Call;
import dev.lectavera.system.SweepFixture.Http;
import dev.lectavera.system.SweepFixture.Reply;
import dev.lectavera.system.SweepFixture.Student;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import static dev.lectavera.system.SweepFixture.expect;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The edge as an attacker tries it (operator endpoints on the public ports are PlatformIT's): paths that mean one
 * thing to the gateway and another to a service, other spellings of the login path, forged client addresses, and a
 * password guessed against one account from many addresses. Every attempt meets a 4xx — a 400 for the tricks, a 429
 * for the guessing — and nothing an attacker sends makes a new client out of an old one.
 */
@ExtendWith(LectaVeraSystem.class)
class EdgeAbuseIT {

    /** The gateway's auth class: login attempts per client address and email (its default). */
    private static final int AUTH_LIMIT = 5;
    private static final String LOGIN = "/api/v1/auth/login";

    @Test
    void pathsWithSeparatorTricksAreRefusedBeforeClassification(LectaVeraSystem.Running running) {
        Http http = new Http(running.gateway());
        Student student = SweepFixture.register(http, "path-tricks");
        List<String> logins = List.of(LOGIN + ";x", LOGIN + ";jsessionid=1", LOGIN + "%3Bx", LOGIN + "%3bx",
                "/api/v1/auth%2Flogin", "/api/v1/auth%2flogin", "/api/v1/auth%5Clogin", "/api/v1/auth%5clogin",
                LOGIN + "%00", LOGIN + "%00.json", "/api/v1/documents%2F..%2F..%2Fauth/login");
        List<String> failures = new ArrayList<>();
        for (String target : logins) {
            for (String token : new String[]{null, student.accessToken()}) {
                Call call = Call.of("POST", LOGIN, target).fromNewAddress()
                        .json(new JsonObject().put("email", student.email()).put("password", "not the password"));
                if (token != null) {
                    call.bearer(token);
                }
                badRequest(target + (token == null ? "" : " with a valid token"), http.send("path trick", call), failures);
            }
        }
        for (String target : List.of("/api/v1/documents;x", "/api/v1/documents%3Bx", "/api/v1/documents%2F" + UUID.randomUUID(),
                "/api/v1/users%5Cme", "/api/v1/users/me%00")) {
            badRequest("GET " + target, http.send("path trick", Call.of("GET", target, target).bearer(student.accessToken())), failures);
        }
        // None of those reached login: the account's own password still works at once.
        expect(http.send("login after the tricks", Call.of("POST", LOGIN).fromNewAddress()
                .json(new JsonObject().put("email", student.email()).put("password", student.password()))), 200, "login");
        assertTrue(failures.isEmpty(), failures.size() + " path tricks not refused with 400 problem+json:\n"
                + String.join("\n", failures));
    }

    @Test
    void everySpellingOfTheLoginPathMeetsTheLoginLimit(LectaVeraSystem.Running running) {
        Http http = new Http(running.gateway());
        Student victim = SweepFixture.register(http, "spellings");
        String address = SweepFixture.newClientAddress();
        List<String> spellings = List.of(LOGIN, "/api/v1/auth/%6cogin", "/api/v1/auth//login", "/api/v1/auth/./login",
                "/api/v1/auth/%6Cogin");
        Supplier<String> wrong = () -> new JsonObject().put("email", victim.email()).put("password", "guess " + UUID.randomUUID()).encode();

        // The limit's worth of guesses, one per spelling: each is login (the service answers 401).
        List<String> firstRound = new ArrayList<>();
        for (String spelling : spellings) {
            Reply reply = http.send("guess", Call.of("POST", LOGIN, spelling).header("X-Forwarded-For", address)
                    .body("application/json", wrong.get()));
            firstRound.add(spelling + " → " + reply.status());
        }
        // Then every spelling meets the same limit.
        List<String> secondRound = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        for (String spelling : spellings) {
            Reply reply = http.send("guess over the limit", Call.of("POST", LOGIN, spelling)
                    .header("X-Forwarded-For", address).body("application/json", wrong.get()));
            secondRound.add(spelling + " → " + reply.status());
            if (!tooManyRequests(reply)) {
                failures.add(spelling + " after the limit: " + reply.brief());
            }
        }
        System.out.println("Login spellings from one address: " + firstRound + ", then " + secondRound);
        assertAll(
                () -> assertEquals(spellings.stream().map(s -> s + " → 401").toList(), firstRound, "each spelling is login"),
                () -> assertTrue(failures.isEmpty(), "spellings that escaped the login limit:\n" + String.join("\n", failures)));
    }

    @Test
    void forgedForwardedForFromAClientThatIsNoProxyChangesNothing(LectaVeraSystem.Running running) throws UnknownHostException {
        Http http = new Http(running.gateway());
        Student victim = SweepFixture.register(http, "untrusted-forwarding");
        // 127.0.0.2 is loopback too, but not the one trusted proxy (127.0.0.1/32): its X-Forwarded-For is ignored.
        Http untrusted = new Http(running.gateway(), InetAddress.getByName("127.0.0.2"));
        List<Reply> replies = guesses(untrusted, victim, AUTH_LIMIT + 3, SweepFixture::newClientAddress);
        System.out.println("Wrong passwords from an untrusted client, a new X-Forwarded-For each: " + statuses(replies));
        assertLimited(replies);
    }

    @Test
    void forgedEntriesLeftOfTheTrustedProxysEntryDoNotMakeNewClients(LectaVeraSystem.Running running) {
        Http http = new Http(running.gateway());
        Student victim = SweepFixture.register(http, "left-forgery");
        String client = SweepFixture.newClientAddress();
        // The proxy (the test, on 127.0.0.1) appends the address it saw; the client forged everything to its left.
        List<Reply> replies = guesses(http, victim, AUTH_LIMIT + 3, () -> SweepFixture.newClientAddress() + ", " + client);
        // Control: another client (the right-most entry) is another bucket.
        Reply other = http.send("another client", Call.of("POST", LOGIN).header("X-Forwarded-For", SweepFixture.newClientAddress())
                .json(new JsonObject().put("email", victim.email()).put("password", "guess " + UUID.randomUUID())));
        System.out.println("Wrong passwords with forged X-Forwarded-For entries left of the proxy's: " + statuses(replies)
                + "; another client then: " + other.status());
        assertLimited(replies);
        assertEquals(401, other.status(), "the right-most address is the client: another one is not limited: " + other.brief());
    }

    @Test
    void anAccountLocksAfterRepeatedFailuresFromManyAddresses(LectaVeraSystem.Running running) {
        Http http = new Http(running.gateway());
        Student victim = SweepFixture.register(http, "lockout");
        List<Integer> statuses = new ArrayList<>();
        Reply locked = null;
        for (int attempt = 1; attempt <= 20 && locked == null; attempt++) {
            Reply reply = http.send("guess from a new address", Call.of("POST", LOGIN).fromNewAddress()
                    .json(new JsonObject().put("email", victim.email()).put("password", "guess " + attempt)));
            statuses.add(reply.status());
            if (reply.status() == 429) {
                locked = reply;
            }
        }
        Reply rightPassword = http.send("the right password from yet another address", Call.of("POST", LOGIN).fromNewAddress()
                .json(new JsonObject().put("email", victim.email()).put("password", victim.password())));
        Student bystander = SweepFixture.register(http, "lockout-bystander");
        System.out.println("Wrong passwords against one account, each from a new address: " + statuses
                + (locked == null ? "" : "; Retry-After " + locked.header("Retry-After").orElse("none") + " s")
                + "; the right password then: " + rightPassword.status());
        Reply lock = locked;
        assertAll(
                () -> assertTrue(lock != null && tooManyRequests(lock), "locked after repeated failures: " + statuses),
                () -> assertTrue(statuses.subList(0, statuses.size() - 1).stream().allMatch(s -> s == 401),
                        "every guess before the lock reached login: " + statuses),
                () -> assertTrue(tooManyRequests(rightPassword), "a locked account answers 429 whatever the address and"
                        + " password: " + rightPassword.brief()),
                () -> assertEquals(200, http.send("another account", Call.of("POST", LOGIN).fromNewAddress()
                        .json(new JsonObject().put("email", bystander.email()).put("password", bystander.password()))).status(),
                        "another account is not locked"));
    }

    /** {@code count} wrong passwords for {@code victim}, each with the X-Forwarded-For {@code forwardedFor} gives. */
    private static List<Reply> guesses(Http http, Student victim, int count, Supplier<String> forwardedFor) {
        List<Reply> replies = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            replies.add(http.send("forged guess", Call.of("POST", LOGIN).header("X-Forwarded-For", forwardedFor.get())
                    .json(new JsonObject().put("email", victim.email()).put("password", "guess " + i))));
        }
        return replies;
    }

    /** The first {@link #AUTH_LIMIT} guesses reach login (401), every later one is refused (429 with Retry-After). */
    private static void assertLimited(List<Reply> replies) {
        List<Integer> expected = new ArrayList<>();
        for (int i = 0; i < replies.size(); i++) {
            expected.add(i < AUTH_LIMIT ? 401 : 429);
        }
        assertEquals(expected, statuses(replies), "one client, one email: the auth limit applies");
        replies.stream().skip(AUTH_LIMIT).forEach(reply ->
                assertTrue(tooManyRequests(reply), "429 problem+json with Retry-After: " + reply.brief()));
    }

    private static List<Integer> statuses(List<Reply> replies) {
        return replies.stream().map(Reply::status).toList();
    }

    private static boolean tooManyRequests(Reply reply) {
        return reply.status() == 429 && reply.problemJson() && reply.header("Retry-After")
                .map(Long::parseLong).filter(seconds -> seconds > 0).isPresent();
    }

    private static void badRequest(String what, Reply reply, List<String> failures) {
        if (reply.status() != 400 || !reply.problemJson()) {
            failures.add(what + " → " + reply.brief());
        }
    }
}

package dev.lectavera.gateway;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.vertx.core.Vertx;
import io.vertx.core.http.UpgradeRejectedException;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketConnectOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Each class trips at its limit (test profile: socket 3/min, auth 2/15 min, auth-ip 4/15 min, register 3/h,
 * upload 2/min, search 3/min, quiz 2/min, default 12/10 min) with 429 problem+json and the rate-limit headers;
 * fresh users and client addresses per test, so nothing depends on another test or an earlier run.
 */
@QuarkusTest
@QuarkusTestResource(FakeUpstream.class)
@QuarkusTestResource(JwtKeys.class)
class RateLimitTest {

    @TestHTTPResource("/")
    URI gateway;

    Tokens tokens;

    private Vertx vertx;

    @BeforeEach
    void startSocketClient() {
        vertx = Vertx.vertx();
    }

    @AfterEach
    void stopSocketClient() {
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }

    @Test
    void socketUpgradesTripAtTheSocketLimit() throws Exception {
        Tokens.Issued user = tokens.issue();
        String uri = "/ws/study/" + UUID.randomUUID() + "?token=" + user.token();
        for (int i = 0; i < 3; i++) {
            openSocket(uri).close();
        }
        UpgradeRejectedException refused = refusedSocket(uri);
        assertEquals(429, refused.getStatus());
        assertEquals("0", refused.getHeaders().get("X-RateLimit-Remaining"));
        assertEquals("3", refused.getHeaders().get("X-RateLimit-Limit"));
        assertThat(Integer.parseInt(refused.getHeaders().get("Retry-After")), greaterThan(0));
        assertThat(refused.getHeaders().get("Content-Type"), startsWith("application/problem+json"));
        assertThat(refused.getBody().toJsonObject().getString("detail"), containsString("socket class"));

        // Questions are not in the socket class: the same user still asks over HTTP.
        given().header("Authorization", user.bearer()).contentType("application/json").body("{}")
                .post("/api/v1/study/sessions/" + UUID.randomUUID() + "/messages").then().statusCode(200);
    }

    @Test
    void chatMessagesAreInTheDefaultClass() {
        // The chat limit is study-service's (it also sees questions asked inside a socket): here a question is an
        // ordinary request, charged to the default bucket it shares with every other call, past the socket limit too.
        String bearer = tokens.issue().bearer();
        String path = "/api/v1/study/sessions/" + UUID.randomUUID() + "/messages";
        for (int i = 1; i <= 4; i++) {
            given().header("Authorization", bearer).contentType("application/json").body("{}").post(path)
                    .then().statusCode(200)
                    .header("X-RateLimit-Limit", "12").header("X-RateLimit-Remaining", Integer.toString(12 - i));
        }
        given().header("Authorization", bearer).get("/api/v1/documents").then().statusCode(200)
                .header("X-RateLimit-Limit", "12").header("X-RateLimit-Remaining", "7");
    }

    @Test
    void uploadsTripAtTheUploadLimit() {
        String bearer = tokens.issue().bearer();
        assertTripsAt(2, () -> given().header("Authorization", bearer).contentType("application/pdf").body(new byte[]{1, 2, 3}),
                "POST", "/api/v1/documents");
    }

    @Test
    void searchesTripAtTheSearchLimit() {
        String bearer = tokens.issue().bearer();
        assertTripsAt(3, () -> given().header("Authorization", bearer).contentType("application/json").body("{\"query\":\"q\"}"),
                "POST", "/api/v1/documents/search");
    }

    @Test
    void everythingElseTripsAtTheDefaultLimit() {
        String bearer = tokens.issue().bearer();
        assertTripsAt(12, () -> given().header("Authorization", bearer), "GET", "/api/v1/documents");
    }

    @Test
    void anonymousRoutesAreLimitedPerClientAddress() {
        String ip = TestClients.randomIp();
        assertTripsAt(12, () -> given().header(TestClients.FORWARDED_FOR, ip).contentType("application/json").body("{}"),
                "POST", "/api/v1/auth/refresh");
        given().header(TestClients.FORWARDED_FOR, TestClients.randomIp()).contentType("application/json").body("{}")
                .post("/api/v1/auth/refresh").then().statusCode(200);
    }

    @Test
    void loginIsLimitedPerAddressAndEmailAndTheBodyStillReachesTheService() {
        String ip = TestClients.randomIp();
        String email = "login-" + UUID.randomUUID() + "@example.test";
        String body = "{\"email\":\"" + email + "\",\"password\":\"correct horse\"}";

        given().header(TestClients.FORWARDED_FOR, ip).contentType("application/json").body(body)
                .post("/api/v1/auth/login")
                .then().statusCode(200).body("body", equalTo(body));
        assertTripsAt(1, () -> given().header(TestClients.FORWARDED_FOR, ip).contentType("application/json").body(body),
                "POST", "/api/v1/auth/login");

        // The same address trying another account, and the same account from elsewhere, have their own buckets.
        given().header(TestClients.FORWARDED_FOR, ip).contentType("application/json")
                .body("{\"email\":\"other-" + UUID.randomUUID() + "@example.test\",\"password\":\"x\"}")
                .post("/api/v1/auth/login").then().statusCode(200);
        given().header(TestClients.FORWARDED_FOR, TestClients.randomIp()).contentType("application/json").body(body)
                .post("/api/v1/auth/login").then().statusCode(200);
        // The email is matched case-insensitively: no fresh bucket by changing case.
        given().header(TestClients.FORWARDED_FOR, ip).contentType("application/json").body(body.replace("login-", "LOGIN-"))
                .post("/api/v1/auth/login").then().statusCode(429);
    }

    @Test
    void registerAndForgotPasswordShareTheAuthBucketOfAnAddressAndEmail() {
        String ip = TestClients.randomIp();
        String body = "{\"email\":\"reg-" + UUID.randomUUID() + "@example.test\",\"password\":\"pw\",\"fullName\":\"A\"}";
        given().header(TestClients.FORWARDED_FOR, ip).contentType("application/json").body(body)
                .post("/api/v1/auth/register").then().statusCode(200);
        given().header(TestClients.FORWARDED_FOR, ip).contentType("application/json").body(body)
                .post("/api/v1/auth/forgot-password").then().statusCode(200);
        given().header(TestClients.FORWARDED_FOR, ip).contentType("application/json").body(body)
                .post("/api/v1/auth/login").then().statusCode(429).header("Retry-After", notNullValue());
    }

    @Test
    void oneAddressTryingManyEmailsTripsThePerAddressAuthBucket() {
        String ip = TestClients.randomIp();
        for (int i = 0; i < 4; i++) {
            login(ip, "spray-" + UUID.randomUUID() + "@example.test").then().statusCode(200);
        }
        login(ip, "spray-" + UUID.randomUUID() + "@example.test")
                .then().statusCode(429).contentType("application/problem+json")
                .header("Retry-After", notNullValue())
                .header("X-RateLimit-Limit", "4")
                .body("detail", containsString("auth-ip"));
        // Per address: another address is unaffected.
        login(TestClients.randomIp(), "spray-" + UUID.randomUUID() + "@example.test").then().statusCode(200);
    }

    @Test
    void registrationsAreLimitedPerAddressWhateverTheEmail() {
        String ip = TestClients.randomIp();
        for (int i = 0; i < 3; i++) {
            register(ip, "new-" + UUID.randomUUID() + "@example.test").then().statusCode(200);
        }
        register(ip, "new-" + UUID.randomUUID() + "@example.test")
                .then().statusCode(429).header("X-RateLimit-Limit", "3").body("detail", containsString("register"));
        // Logins from that address still have room in the per-address auth bucket (3 of 4 used).
        login(ip, "old-" + UUID.randomUUID() + "@example.test").then().statusCode(200);
    }

    @Test
    void passwordConfirmingEndpointsAreLimitedPerAddressAndAccountTogetherWithLogin() {
        Tokens.Issued user = tokens.issue();
        String ip = TestClients.randomIp();
        assertTripsAt(2, () -> given().header("Authorization", user.bearer()).header(TestClients.FORWARDED_FOR, ip)
                .contentType("application/json").body("{\"currentPassword\":\"guess\",\"newPassword\":\"x\"}"),
                "POST", "/api/v1/users/me/password");
        given().header("Authorization", user.bearer()).header(TestClients.FORWARDED_FOR, ip)
                .contentType("application/json").body("{\"password\":\"guess\"}")
                .delete("/api/v1/users/me").then().statusCode(429);
        // The same bucket as a login to that account from that address.
        login(ip, user.email()).then().statusCode(429);
        // Another address, or a plain read of the account, are not held back.
        given().header("Authorization", user.bearer()).header(TestClients.FORWARDED_FOR, TestClients.randomIp())
                .contentType("application/json").body("{}")
                .post("/api/v1/users/me/password").then().statusCode(200);
        given().header("Authorization", user.bearer()).header(TestClients.FORWARDED_FOR, ip)
                .get("/api/v1/users/me").then().statusCode(200).header("X-RateLimit-Limit", "12");
    }

    @Test
    void quizGenerationHasItsOwnClassPerUser() {
        String bearer = tokens.issue().bearer();
        assertTripsAt(2, () -> given().header("Authorization", bearer).contentType("application/json").body("{}"),
                "POST", "/api/v1/quiz/generate");
        given().header("Authorization", bearer).get("/api/v1/quiz/quizzes").then().statusCode(200);
        given().header("Authorization", tokens.issue().bearer()).contentType("application/json").body("{}")
                .post("/api/v1/quiz/generate").then().statusCode(200);
    }

    @Test
    void anAuthBodyWithoutAReadableEmailIsLimitedPerAddress() {
        String ip = TestClients.randomIp();
        assertTripsAt(2, () -> given().header(TestClients.FORWARDED_FOR, ip).contentType("application/json").body("not json"),
                "POST", "/api/v1/auth/login");
    }

    @Test
    void anOversizedAuthBodyIsRefused() {
        String huge = "{\"email\":\"a@example.test\",\"pad\":\"" + "x".repeat(20_000) + "\"}";
        given().header(TestClients.FORWARDED_FOR, TestClients.randomIp()).contentType("application/json").body(huge)
                .post("/api/v1/auth/login")
                .then().statusCode(413).contentType("application/problem+json");
    }

    @Test
    void classesAreCountedSeparately() {
        String bearer = tokens.issue().bearer();
        for (int i = 0; i < 3; i++) {
            given().header("Authorization", bearer).body("{}").post("/api/v1/documents/search").then().statusCode(200);
        }
        given().header("Authorization", bearer).body("{}").post("/api/v1/documents/search").then().statusCode(429);
        given().header("Authorization", bearer).get("/api/v1/documents").then().statusCode(200)
                .header("X-RateLimit-Limit", "12").header("X-RateLimit-Remaining", "11");
    }

    @Test
    void rateLimitStatusShowsTheCallersUsagePerClass() throws Exception {
        Tokens.Issued user = tokens.issue();
        for (int i = 0; i < 2; i++) {
            given().header("Authorization", user.bearer()).body("{}").post("/api/v1/documents/search").then().statusCode(200);
        }
        openSocket("/ws/study/" + UUID.randomUUID() + "?token=" + user.token()).close();
        given().header("Authorization", user.bearer()).body("{}")
                .post("/api/v1/study/sessions/" + UUID.randomUUID() + "/messages").then().statusCode(200);
        given().header("Authorization", user.bearer()).body("{}").post("/api/v1/quiz/generate").then().statusCode(200);
        String ip = TestClients.randomIp();
        given().header("Authorization", user.bearer()).header(TestClients.FORWARDED_FOR, ip).body("{}")
                .post("/api/v1/users/me/password").then().statusCode(200);
        register(ip, "other-" + UUID.randomUUID() + "@example.test").then().statusCode(200);

        Response status = given().header("Authorization", user.bearer()).header(TestClients.FORWARDED_FOR, ip)
                .get("/api/v1/users/rate-limit-status");

        status.then().statusCode(200)
                .contentType("application/json")
                .header("X-RateLimit-Remaining", "10")
                .body("source", equalTo("redis"))
                .body("classes.find { it.name == 'search' }.limit", equalTo(3))
                .body("classes.find { it.name == 'search' }.remaining", equalTo(1))
                .body("classes.find { it.name == 'search' }.periodSeconds", equalTo(60))
                .body("classes.find { it.name == 'search' }.resetSeconds", greaterThan(0))
                .body("classes.find { it.name == 'socket' }.limit", equalTo(3))
                .body("classes.find { it.name == 'socket' }.remaining", equalTo(2))
                .body("classes.find { it.name == 'upload' }.remaining", equalTo(2))
                .body("classes.find { it.name == 'upload' }.resetSeconds", equalTo(0))
                .body("classes.find { it.name == 'auth' }.remaining", equalTo(1))
                .body("classes.find { it.name == 'auth-ip' }.limit", equalTo(4))
                .body("classes.find { it.name == 'auth-ip' }.periodSeconds", equalTo(900))
                .body("classes.find { it.name == 'auth-ip' }.remaining", equalTo(2))
                .body("classes.find { it.name == 'register' }.limit", equalTo(3))
                .body("classes.find { it.name == 'register' }.periodSeconds", equalTo(3600))
                .body("classes.find { it.name == 'register' }.remaining", equalTo(2))
                .body("classes.find { it.name == 'quiz' }.limit", equalTo(2))
                .body("classes.find { it.name == 'quiz' }.remaining", equalTo(1))
                // the question and this call itself
                .body("classes.find { it.name == 'default' }.remaining", equalTo(10));
        assertEquals(8, status.jsonPath().getList("classes").size());

        given().get("/api/v1/users/rate-limit-status").then().statusCode(401);
    }

    private static Response login(String ip, String email) {
        return given().header(TestClients.FORWARDED_FOR, ip).contentType("application/json")
                .body("{\"email\":\"" + email + "\",\"password\":\"wrong\"}").post("/api/v1/auth/login");
    }

    private static Response register(String ip, String email) {
        return given().header(TestClients.FORWARDED_FOR, ip).contentType("application/json")
                .body("{\"email\":\"" + email + "\",\"password\":\"pw\",\"fullName\":\"A\"}").post("/api/v1/auth/register");
    }

    private WebSocket openSocket(String uri) throws Exception {
        return vertx.createWebSocketClient().connect(socketOptions(uri)).toCompletionStage().toCompletableFuture()
                .get(10, TimeUnit.SECONDS);
    }

    private UpgradeRejectedException refusedSocket(String uri) {
        ExecutionException failure = assertThrows(ExecutionException.class, () -> openSocket(uri));
        return assertInstanceOf(UpgradeRejectedException.class, failure.getCause());
    }

    private WebSocketConnectOptions socketOptions(String uri) {
        return new WebSocketConnectOptions().setHost(gateway.getHost()).setPort(gateway.getPort()).setURI(uri);
    }

    /** {@code limit} requests pass with decreasing X-RateLimit-Remaining, the next one is a 429 with every header. */
    private static void assertTripsAt(int limit, Supplier<RequestSpecification> request, String method, String path) {
        int before = -1;
        for (int i = 1; i <= limit; i++) {
            Response response = request.get().request(method, path);
            response.then().statusCode(200)
                    .header("X-RateLimit-Limit", notNullValue())
                    .header("X-RateLimit-Reset", notNullValue());
            int remaining = Integer.parseInt(response.header("X-RateLimit-Remaining"));
            if (before >= 0) {
                assertEquals(before - 1, remaining, "remaining after request " + i);
            }
            before = remaining;
        }
        assertEquals(0, before, "the last allowed request leaves nothing");
        request.get().request(method, path)
                .then().statusCode(429)
                .contentType("application/problem+json")
                .body("status", equalTo(429))
                .header("Retry-After", notNullValue())
                .header("X-RateLimit-Remaining", "0")
                .header("X-RateLimit-Limit", notNullValue())
                .header("X-RateLimit-Reset", notNullValue())
                .body("detail", notNullValue());
        int retryAfter = Integer.parseInt(request.get().request(method, path).header("Retry-After"));
        assertThat(retryAfter, greaterThan(0));
        assertThat(retryAfter, lessThanOrEqualTo(15 * 60));
    }
}

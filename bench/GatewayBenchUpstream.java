// The upstream of bench/gateway-overhead.sh: a Vert.x HTTP server standing in for a LectaVera service,
// plus the auth-service's part of the contract (an RSA key, its JWKS, one signed access token).
// Run in Java's source-file mode with the gateway's own jars on the class path:
//   java -cp "gateway/target/quarkus-app/lib/main/*" bench/GatewayBenchUpstream.java <work-dir>
// Writes <work-dir>/port (when listening) and <work-dir>/token. Stops when its process is killed.

import io.vertx.core.AbstractVerticle;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

public class GatewayBenchUpstream {

    public static void main(String[] args) throws Exception {
        Path workDir = Path.of(args[0]);
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair keys = generator.generateKeyPair();
        RSAPublicKey publicKey = (RSAPublicKey) keys.getPublic();

        String n = b64(unsigned(publicKey.getModulus()));
        String e = b64(unsigned(publicKey.getPublicExponent()));
        // RFC 7638 thumbprint as the kid, like auth-service.
        String kid = b64(MessageDigest.getInstance("SHA-256")
                .digest(("{\"e\":\"" + e + "\",\"kty\":\"RSA\",\"n\":\"" + n + "\"}").getBytes(StandardCharsets.UTF_8)));
        Buffer jwks = Buffer.buffer("{\"keys\":[{\"kty\":\"RSA\",\"use\":\"sig\",\"alg\":\"RS256\",\"kid\":\"" + kid
                + "\",\"n\":\"" + n + "\",\"e\":\"" + e + "\"}]}");
        Buffer document = Buffer.buffer("{\"id\":\"0b7e1c9a-3f1d-4c55-9a57-1f4b7f0e2a11\",\"title\":\"Thermodynamics\","
                + "\"status\":\"INDEXED\",\"pages\":42}");

        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        // Two server instances share the port, one per event loop, as a Quarkus service would have.
        Vertx vertx = Vertx.vertx();
        vertx.deployVerticle(() -> new AbstractVerticle() {
            @Override
            public void start(Promise<Void> started) {
                vertx.createHttpServer()
                        .requestHandler(request -> request.response()
                                .putHeader("content-type", "application/json")
                                .end(request.path().equals("/.well-known/jwks.json") ? jwks : document))
                        .listen(port, "127.0.0.1")
                        .<Void>mapEmpty().onComplete(started);
            }
        }, new DeploymentOptions().setInstances(2)).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);

        long now = System.currentTimeMillis() / 1000;
        String header = b64(("{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"" + kid + "\"}").getBytes(StandardCharsets.UTF_8));
        String payload = b64(("{\"iss\":\"lectavera-auth\",\"aud\":\"lectavera-api\",\"sub\":\"" + UUID.randomUUID() + "\",\"jti\":\"" + UUID.randomUUID()
                + "\",\"upn\":\"bench@example.test\",\"email\":\"bench@example.test\",\"groups\":[\"user\"],\"iat\":" + now
                + ",\"exp\":" + (now + 900) + "}").getBytes(StandardCharsets.UTF_8));
        Signature signer = Signature.getInstance("SHA256withRSA");
        signer.initSign(keys.getPrivate());
        signer.update((header + "." + payload).getBytes(StandardCharsets.US_ASCII));
        Files.writeString(workDir.resolve("token"), header + "." + payload + "." + b64(signer.sign()));
        Files.writeString(workDir.resolve("port"), Integer.toString(port));
        System.out.println("bench upstream on 127.0.0.1:" + port);
        Thread.currentThread().join();
    }

    private static byte[] unsigned(BigInteger value) {
        byte[] bytes = value.toByteArray();
        return bytes[0] == 0 ? java.util.Arrays.copyOfRange(bytes, 1, bytes.length) : bytes;
    }

    private static String b64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}

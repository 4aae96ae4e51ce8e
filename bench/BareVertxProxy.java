// A reference point for bench/run gateway-vs-nginx: the least a reverse proxy on the gateway's own stack
// (Vert.x on the JVM) costs. It forwards every request to the upstream and the answer back, on pooled
// keep-alive connections, one server and one client per event loop, and does nothing else: no token, no
// Redis, no request id, no access log, no timeouts. Not a product; it only shows how far below nginx the
// runtime alone already is on this machine, so the gateway's figure can be read against both.
// Run in Java's source-file mode with the gateway's own jars on the class path:
//   java -cp "gateway/target/quarkus-app/lib/main/*" bench/BareVertxProxy.java <upstream-port> <work-dir>
// Writes <work-dir>/bare-port when listening. Stops when its process is killed.

import io.vertx.core.AbstractVerticle;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.MultiMap;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.PoolOptions;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

public class BareVertxProxy {

    public static void main(String[] args) throws Exception {
        int upstreamPort = Integer.parseInt(args[0]);
        Path workDir = Path.of(args[1]);
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        Vertx vertx = Vertx.vertx();
        vertx.deployVerticle(() -> new AbstractVerticle() {
            private HttpClient client;

            @Override
            public void start(Promise<Void> started) {
                client = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true)
                        .setDefaultHost("127.0.0.1").setDefaultPort(upstreamPort), new PoolOptions().setHttp1MaxSize(64));
                vertx.createHttpServer().requestHandler(this::forward)
                        .listen(port, "127.0.0.1").<Void>mapEmpty().onComplete(started);
            }

            private void forward(HttpServerRequest request) {
                request.pause();
                client.request(request.method(), request.uri()).onComplete(created -> {
                    if (created.failed()) {
                        request.response().setStatusCode(502).end();
                        return;
                    }
                    var upstreamRequest = created.result();
                    copy(request.headers(), upstreamRequest.headers());
                    upstreamRequest.response().onComplete(answered -> {
                        if (answered.failed()) {
                            request.response().setStatusCode(502).end();
                            return;
                        }
                        var upstreamResponse = answered.result();
                        var response = request.response().setStatusCode(upstreamResponse.statusCode());
                        copy(upstreamResponse.headers(), response.headers());
                        upstreamResponse.pipeTo(response);
                    });
                    request.pipeTo(upstreamRequest);
                });
            }
        }, new DeploymentOptions().setInstances(2)).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        Files.writeString(workDir.resolve("bare-port"), Integer.toString(port));
        System.out.println("bare Vert.x proxy on 127.0.0.1:" + port);
        Thread.currentThread().join();
    }

    /** All headers but the hop-by-hop ones that belong to each connection. */
    private static void copy(MultiMap from, MultiMap to) {
        for (Map.Entry<String, String> header : from) {
            String name = header.getKey();
            if (!name.equalsIgnoreCase("connection") && !name.equalsIgnoreCase("keep-alive")
                    && !name.equalsIgnoreCase("host") && !name.equalsIgnoreCase("transfer-encoding")) {
                to.add(name, header.getValue());
            }
        }
    }
}

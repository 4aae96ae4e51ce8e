package dev.lectavera.gateway.ratelimit;

import io.vertx.core.Future;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A Lua script of the rate limiter, called by its SHA (Redis caches it after {@code SCRIPT LOAD} at start-up) and,
 * when Redis does not know it (restarted, flushed), once more with its whole text.
 */
final class RedisScript {

    private final String text;
    private final String sha;

    private RedisScript(String text) {
        this.text = text;
        this.sha = sha1Hex(text);
    }

    /** The script at {@code resource} on the class path (see {@link LuaScripts}). */
    static RedisScript load(String resource) {
        return new RedisScript(LuaScripts.load(resource));
    }

    String text() {
        return text;
    }

    Request loadRequest() {
        return Request.cmd(Command.SCRIPT).arg("LOAD").arg(text);
    }

    /**
     * @param arguments appends the script's arguments (the key count, keys, then ARGV) to the call
     * @param sender    sends one request (a lane of the request's event loop, or the shared client)
     */
    Future<Response> run(Consumer<Request> arguments, Function<Request, Future<Response>> sender) {
        return send(sender, call(true, arguments))
                .recover(failure -> RedisLanes.isScriptMissing(failure)
                        ? send(sender, call(false, arguments))
                        : Future.failedFuture(failure));
    }

    private Request call(boolean bySha, Consumer<Request> arguments) {
        Request request = bySha ? Request.cmd(Command.EVALSHA).arg(sha) : Request.cmd(Command.EVAL).arg(text);
        arguments.accept(request);
        return request;
    }

    private static Future<Response> send(Function<Request, Future<Response>> sender, Request request) {
        try {
            return sender.apply(request);
        } catch (RuntimeException e) {
            return Future.failedFuture(e);
        }
    }

    private static String sha1Hex(String script) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(script.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

package dev.lectavera.gateway.ratelimit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Redis Lua scripts kept as resource files (readable, with their own comments), each read once. */
final class LuaScripts {

    private LuaScripts() {
    }

    /** The script at {@code resource} on the class path; a missing script fails start-up, not a request. */
    static String load(String resource) {
        try (InputStream in = LuaScripts.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Lua script " + resource + " is not on the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Lua script " + resource + " cannot be read", e);
        }
    }
}

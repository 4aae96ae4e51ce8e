package dev.lectavera.study.ws;

/**
 * What a client sends: {@code {"type":"ask","content":"…"}}, {@code {"type":"token","token":"…"}} (a fresh
 * access token for a long connection) or {@code {"type":"ping"}}.
 */
public record ClientMessage(String type, String content, String token) {
}

package dev.lectavera.system;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads (and, for a test that plays auth-service, writes) what a test needs straight in the system's Redis: one RESP
 * command, an array-of-strings reply ({@link #command}) or a one-line one ({@link #write}).
 */
final class RedisProbe {

    private RedisProbe() {
    }

    /** A command answered with a status or an integer (SETEX, DEL, PUBLISH): that one line, e.g. {@code +OK}. */
    static String write(int port, String... words) {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            return send(socket, words).readLine();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> command(int port, String... words) {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            BufferedReader in = send(socket, words);
            String header = in.readLine();
            if (header == null || header.charAt(0) != '*') {
                throw new IllegalStateException("unexpected Redis reply: " + header);
            }
            List<String> items = new ArrayList<>();
            for (int i = Integer.parseInt(header.substring(1)); i > 0; i--) {
                in.readLine(); // $<length>
                items.add(in.readLine());
            }
            return items;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static BufferedReader send(Socket socket, String... words) throws IOException {
        socket.setSoTimeout(5_000);
        StringBuilder request = new StringBuilder("*" + words.length + "\r\n");
        for (String word : words) {
            request.append('$').append(word.getBytes(StandardCharsets.UTF_8).length).append("\r\n").append(word).append("\r\n");
        }
        OutputStream out = socket.getOutputStream();
        out.write(request.toString().getBytes(StandardCharsets.UTF_8));
        out.flush();
        return new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
    }
}

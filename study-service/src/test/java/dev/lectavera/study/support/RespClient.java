package dev.lectavera.study.support;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A minimal Redis client (RESP2 over a socket) for tests that run outside the application: delete known keys,
 * check them, publish, subscribe. Not thread-safe; one per use.
 */
public final class RespClient implements AutoCloseable {

    private final Socket socket;
    private final OutputStream out;
    private final InputStream in;

    public RespClient(String host, int port) {
        try {
            socket = new Socket(host, port);
            socket.setSoTimeout(30_000);
            out = socket.getOutputStream();
            in = new BufferedInputStream(socket.getInputStream());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static RespClient local() {
        return new RespClient("127.0.0.1", 6379);
    }

    /** Sends a command and returns its reply: a String, Long, null, or a List of those. */
    public Object command(String... args) {
        try {
            write(args);
            return read();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sends without reading (SUBSCRIBE); read the pushes with {@link #next()}. */
    public void send(String... args) {
        try {
            write(args);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Subscribes this connection to {@code channel} and adds every message published there to {@code into}, from a
     * virtual thread that ends when this client is closed (or the returned thread is interrupted).
     */
    public Thread recordChannel(String channel, java.util.List<String> into) {
        send("SUBSCRIBE", channel);
        next(); // subscription confirmed
        return Thread.ofVirtual().start(() -> {
            try {
                while (true) {
                    if (next() instanceof java.util.List<?> push && push.size() == 3) {
                        into.add(String.valueOf(push.get(2)));
                    }
                }
            } catch (RuntimeException closed) {
                // the test closed the connection
            }
        });
    }

    public Object next() {
        try {
            return read();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void write(String... args) throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        buffer.write(("*" + args.length + "\r\n").getBytes(StandardCharsets.UTF_8));
        for (String arg : args) {
            byte[] bytes = arg.getBytes(StandardCharsets.UTF_8);
            buffer.write(("$" + bytes.length + "\r\n").getBytes(StandardCharsets.UTF_8));
            buffer.write(bytes);
            buffer.write("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        out.write(buffer.toByteArray());
        out.flush();
    }

    private Object read() throws IOException {
        int kind = in.read();
        String line = line();
        return switch (kind) {
            case '+' -> line;
            case '-' -> throw new IllegalStateException("Redis error: " + line);
            case ':' -> Long.parseLong(line);
            case '$' -> {
                int length = Integer.parseInt(line);
                if (length < 0) {
                    yield null;
                }
                byte[] data = in.readNBytes(length);
                in.readNBytes(2);
                yield new String(data, StandardCharsets.UTF_8);
            }
            case '*' -> {
                int count = Integer.parseInt(line);
                if (count < 0) {
                    yield null;
                }
                List<Object> items = new ArrayList<>(count);
                for (int i = 0; i < count; i++) {
                    items.add(read());
                }
                yield items;
            }
            default -> throw new IllegalStateException("Unexpected RESP type " + (char) kind);
        };
    }

    private String line() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) != -1) {
            if (c == '\r') {
                in.read();
                break;
            }
            line.write(c);
        }
        return line.toString(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing a test connection
        }
    }
}

package dev.lectavera.document.service;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Recognises a PDF by its content, never by its name or declared type. */
public final class PdfSniffer {

    /** PDF readers accept the header anywhere in the first 1024 bytes (some generators prepend junk). */
    private static final int HEADER_WINDOW = 1024;
    private static final byte[] MAGIC = "%PDF-".getBytes(StandardCharsets.US_ASCII);

    private PdfSniffer() {
    }

    public static boolean looksLikePdf(Path file) throws IOException {
        byte[] head = new byte[HEADER_WINDOW];
        int read;
        try (InputStream in = Files.newInputStream(file)) {
            read = in.readNBytes(head, 0, HEADER_WINDOW);
        }
        outer:
        for (int i = 0; i + MAGIC.length <= read; i++) {
            for (int j = 0; j < MAGIC.length; j++) {
                if (head[i + j] != MAGIC[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}

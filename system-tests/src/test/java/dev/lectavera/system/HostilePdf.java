package dev.lectavera.system;

import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.UUID;

/** Hostile PDFs, generated in the test: small files that are expensive to read. */
final class HostilePdf {

    static final int BOMB_PAGES = 200;
    static final int BOMB_GLYPHS_PER_LINE = 1_000;
    static final int BOMB_LINES = 12_000;

    /** Decoded size of the stream bomb's one content stream: four times document-service's default cap (64 MiB). */
    static final long STREAM_BOMB_BYTES = 256L * 1024 * 1024;

    private HostilePdf() {
    }

    /**
     * The text bomb of issue 14: {@value #BOMB_PAGES} pages whose content is one and the same Flate stream, which
     * decodes to {@value #BOMB_LINES} {@code Tj} operators of {@value #BOMB_GLYPHS_PER_LINE} glyphs each (~12 M
     * glyphs, 12 MB of text per page, 2.4 G glyphs for the document) — about 35 KB on disk, because the stream is
     * stored once and deflates a thousandfold.
     */
    static byte[] textBomb() {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDResources resources = new PDResources();
            COSName font = resources.add(new PDType1Font(Standard14Fonts.FontName.HELVETICA));
            COSStream content = document.getDocument().createCOSStream();
            byte[] line = ("(" + "x".repeat(BOMB_GLYPHS_PER_LINE) + ") Tj\n").getBytes(StandardCharsets.US_ASCII);
            try (OutputStream stream = content.createOutputStream(COSName.FLATE_DECODE)) {
                // A unique comment: the same user never uploads the same bytes twice by accident.
                stream.write(("% " + UUID.randomUUID() + "\nBT /" + font.getName() + " 1 Tf 0 0 Td\n")
                        .getBytes(StandardCharsets.US_ASCII));
                for (int i = 0; i < BOMB_LINES; i++) {
                    stream.write(line);
                }
                stream.write("ET\n".getBytes(StandardCharsets.US_ASCII));
            }
            for (int i = 0; i < BOMB_PAGES; i++) {
                PDPage page = new PDPage();
                page.setResources(resources);
                page.getCOSObject().setItem(COSName.CONTENTS, content);
                document.addPage(page);
            }
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A decompression bomb: one page whose content stream inflates to {@value #STREAM_BOMB_BYTES} bytes of blanks
     * (valid content that draws nothing) from about a quarter of a megabyte of Flate data. A reader that inflates
     * streams into memory before it looks at them holds all of it at once.
     */
    static byte[] streamBomb() {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            COSStream content = document.getDocument().createCOSStream();
            byte[] blanks = new byte[1024 * 1024];
            Arrays.fill(blanks, (byte) ' ');
            try (OutputStream stream = content.createOutputStream(COSName.FLATE_DECODE)) {
                stream.write(("% " + UUID.randomUUID() + "\n").getBytes(StandardCharsets.US_ASCII));
                for (long written = 0; written < STREAM_BOMB_BYTES; written += blanks.length) {
                    stream.write(blanks);
                }
            }
            PDPage page = new PDPage();
            page.getCOSObject().setItem(COSName.CONTENTS, content);
            document.addPage(page);
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

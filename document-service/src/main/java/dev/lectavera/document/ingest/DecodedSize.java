package dev.lectavera.document.ingest;

import dev.lectavera.document.model.FailureCode;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.filter.Filter;
import org.apache.pdfbox.filter.FilterFactory;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How large a compressed stream is once decoded, found by decoding it into a counter that stops at a cap (nothing
 * kept but an intermediate filter's output): PDFBox 3 inflates a stream wholly into the heap when it reads it, so a
 * compression bomb must be refused before PDFBox sees it.
 */
public final class DecodedSize {

    private DecodedSize() {
    }

    /**
     * @throws ProcessingLimitException content_too_large once the decoded bytes pass {@code cap}; a stream that
     *                                  cannot be decoded is left to PDFBox (only the size matters here)
     */
    public static void measure(COSStream stream, List<COSName> filters, long cap, Deadline deadline) {
        try {
            InputStream input = stream.createRawInputStream();
            try {
                for (int i = 0; i < filters.size(); i++) {
                    Filter filter = FilterFactory.INSTANCE.getFilter(filters.get(i));
                    CappedSink sink = new CappedSink(cap, deadline, i == filters.size() - 1);
                    filter.decode(input, sink, stream, i);
                    input.close();
                    input = sink.asInput();
                }
            } finally {
                input.close();
            }
        } catch (IOException e) {
            // only the size matters here: a stream PDFBox cannot decode either is its business, as before
        }
    }

    public static List<COSName> filterNames(COSBase filters) {
        if (filters instanceof COSName name) {
            return List.of(name);
        }
        List<COSName> names = new ArrayList<>();
        if (filters instanceof COSArray array) {
            for (COSBase item : array) {
                if (item instanceof COSName name) {
                    names.add(name);
                }
            }
        }
        return names;
    }

    /** Counts (the last filter) or keeps (an intermediate one) decoded bytes, up to the cap. */
    private static final class CappedSink extends OutputStream {

        private static final long CLOCK_BYTES = 1 << 20;

        private final long cap;
        private final Deadline deadline;
        private final ByteArrayOutputStream kept;
        private long count;
        private long nextClock = CLOCK_BYTES;

        CappedSink(long cap, Deadline deadline, boolean countOnly) {
            this.cap = cap;
            this.deadline = deadline;
            this.kept = countOnly ? null : new ByteArrayOutputStream();
        }

        @Override
        public void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) {
            count += length;
            if (count > cap) {
                throw new ProcessingLimitException(FailureCode.CONTENT_TOO_LARGE, String.format(Locale.ROOT,
                        "A compressed part of the file expands to more than %,d MB, far more than a real document"
                                + " needs (the file may be damaged or built to overload readers), so it was not read.",
                        cap / (1024 * 1024)));
            }
            if (count >= nextClock) {
                nextClock += CLOCK_BYTES;
                deadline.check();
            }
            if (kept != null) {
                kept.write(bytes, offset, length);
            }
        }

        InputStream asInput() {
            return new ByteArrayInputStream(kept == null ? new byte[0] : kept.toByteArray());
        }
    }
}

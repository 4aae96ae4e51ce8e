package dev.lectavera.study.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/** Latency samples (ms) and their percentiles; reported to target/measurements.txt, never asserted. */
public final class Percentiles {

    private final String name;
    private final List<Double> samples = new ArrayList<>();

    public Percentiles(String name) {
        this.name = name;
    }

    public void addNanos(long nanos) {
        samples.add(nanos / 1_000_000.0);
    }

    public int count() {
        return samples.size();
    }

    /** Nearest-rank percentile. */
    public double percentile(double p) {
        List<Double> sorted = new ArrayList<>(samples);
        Collections.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
    }

    public String summary() {
        return String.format(Locale.ROOT, "%s: n=%d p50=%.1f ms p99=%.1f ms max=%.1f ms", name, count(),
                percentile(50), percentile(99), percentile(100));
    }

    /** Appends the summary to target/measurements.txt and prints it. */
    public void report() {
        String line = summary();
        System.out.println("MEASUREMENT " + line);
        try {
            Path file = Path.of(System.getProperty("user.dir"), "target", "measurements.txt");
            Files.createDirectories(file.getParent());
            Files.writeString(file, line + System.lineSeparator(), StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

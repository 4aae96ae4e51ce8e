package dev.lectavera.analytics.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;

/** Writes bench reports to the repository's bench/results/ (git-ignored) and to the console. */
final class BenchResults {

    private BenchResults() {
    }

    static Path write(String name, String markdown) {
        Path directory = repositoryRoot().resolve("bench").resolve("results");
        String stamp = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC).format(Instant.now());
        Path file = directory.resolve(name + "-" + stamp + ".md");
        String report = markdown + "\n" + environment();
        try {
            Files.createDirectories(directory);
            Files.writeString(file, report);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        System.out.println(report);
        System.out.println("Written to " + file);
        return file;
    }

    /** p-th percentile by linear interpolation between closest ranks (the same definition as percentile_cont). */
    static double percentile(double[] sortedValues, double p) {
        double position = p * (sortedValues.length - 1);
        int lower = (int) Math.floor(position);
        int upper = (int) Math.ceil(position);
        return sortedValues[lower] + (sortedValues[upper] - sortedValues[lower]) * (position - lower);
    }

    static double[] sorted(double[] values) {
        double[] copy = values.clone();
        Arrays.sort(copy);
        return copy;
    }

    private static String environment() {
        return "Environment: " + Runtime.getRuntime().availableProcessors() + " CPU(s) shared with other work, JVM "
                + System.getProperty("java.version") + ", test JVM flags " + ManagementFactory.getRuntimeMXBean()
                .getInputArguments().stream().filter(a -> a.startsWith("-X")).toList()
                + "; PostgreSQL, Kafka and the service on one machine (loopback).\n";
    }

    private static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        for (Path p = dir; p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve(".mvn")) && Files.exists(p.resolve("mvnw"))
                    && !Files.exists(p.resolve("src"))) {
                return p;
            }
        }
        return dir;
    }
}

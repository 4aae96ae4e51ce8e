package dev.lectavera.document.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/** Where a benchmark's report goes: stdout and the repository's {@code bench/results/} (git-ignored). */
final class BenchReports {

    private BenchReports() {
    }

    static void write(String name, String report) throws IOException {
        System.out.println(report);
        // tests run in the module directory
        Path moduleDir = Path.of("").toAbsolutePath();
        Path root = Files.exists(moduleDir.resolveSibling("pom.xml")) ? moduleDir.getParent() : moduleDir;
        Path results = root.resolve("bench").resolve("results");
        Files.createDirectories(results);
        Path file = results.resolve(name + "-" + LocalDateTime.now()
                .format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + ".md");
        Files.writeString(file, report);
        System.out.println("Written to " + file.toAbsolutePath());
    }
}

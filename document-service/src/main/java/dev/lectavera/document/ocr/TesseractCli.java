package dev.lectavera.document.ocr;

import dev.lectavera.document.ingest.OcrException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Tesseract's command line, one process per page: a crash or a runaway page cannot take the JVM with it, memory is
 * the process's own, and a timeout kills it (and anything it started) for real. The image and the output go through
 * files in a directory of the caller's, so no pipe can fill up and block the process.
 */
public final class TesseractCli {

    /** Whether the configured command and languages are usable; {@code problem} says why not, for a student. */
    public record Probe(boolean available, String version, String problem) {
    }

    /** The recognition of one page took longer than it was allowed. */
    public static final class TimedOut extends Exception {
        TimedOut(String message) {
            super(message, null, false, false);
        }
    }

    private static final Duration KILL_WAIT = Duration.ofSeconds(5);

    private final String command;
    private final String languages;

    public TesseractCli(String command, String languages) {
        this.command = command;
        this.languages = languages;
    }

    /** Runs {@code tesseract --version} and {@code --list-langs}: is the binary there, with every language? */
    public Probe probe(Path workDirectory, Duration timeout) {
        try {
            String version = run(List.of(command, "--version"), workDirectory, timeout).lines().findFirst()
                    .orElse("tesseract").strip();
            List<String> installed = run(List.of(command, "--list-langs"), workDirectory, timeout).lines()
                    .skip(1).map(String::strip).toList(); // the first line names the tessdata directory
            List<String> missing = new ArrayList<>();
            for (String language : languages.split("\\+")) {
                if (!installed.contains(language.strip())) {
                    missing.add(language.strip());
                }
            }
            if (!missing.isEmpty()) {
                return new Probe(false, version, "the OCR languages " + String.join(", ", missing)
                        + " are not installed (traineddata missing)");
            }
            return new Probe(true, version, null);
        } catch (IOException | TimedOut | OcrException e) {
            return new Probe(false, null, "the OCR program (" + command + ") is not installed");
        }
    }

    /**
     * @param image   a page image (PGM) in {@code workDirectory}
     * @param dpi     its resolution, which Tesseract uses to size its analysis
     * @param timeout the process is killed past it
     */
    public OcrResult recognise(Path image, int dpi, Path workDirectory, Duration timeout) throws TimedOut {
        Path outputBase = workDirectory.resolve("page");
        try {
            run(List.of(command, image.toString(), outputBase.toString(), "--dpi", Integer.toString(dpi), "-l",
                    languages, "tsv"), workDirectory, timeout);
            return TesseractTsv.parse(Files.readString(workDirectory.resolve("page.tsv"), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new OcrException("Tesseract failed: " + e.getMessage(), e);
        }
    }

    /** Runs a command to its end within {@code timeout}; its output (stdout and stderr) is the answer. */
    private static String run(List<String> commandLine, Path workDirectory, Duration timeout)
            throws IOException, TimedOut {
        Path log = Files.createTempFile(workDirectory, "tesseract", ".log");
        ProcessBuilder builder = new ProcessBuilder(commandLine).directory(workDirectory.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(nullDevice()));
        Map<String, String> environment = builder.environment();
        // one thread per process: concurrency is the pool's business (OpenMP would spread each page over all cores)
        environment.put("OMP_THREAD_LIMIT", "1");
        Process process = null;
        try {
            process = builder.start();
            if (!process.waitFor(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
                kill(process);
                throw new TimedOut(commandLine.getFirst() + " did not finish within " + timeout);
            }
            String output = Files.readString(log, StandardCharsets.UTF_8);
            if (process.exitValue() != 0) {
                throw new IOException("exit code " + process.exitValue() + ": " + lastLine(output));
            }
            return output;
        } catch (InterruptedException e) {
            kill(process);
            Thread.currentThread().interrupt();
            throw new OcrException("interrupted while waiting for Tesseract", e);
        } finally {
            Files.deleteIfExists(log);
        }
    }

    private static void kill(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(KILL_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static java.io.File nullDevice() {
        return new java.io.File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
    }

    private static String lastLine(String output) {
        List<String> lines = output.lines().filter(line -> !line.isBlank()).toList();
        return lines.isEmpty() ? "(no output)" : lines.getLast().strip();
    }
}

package dev.lectavera.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

/** A Linux process's resident memory, read from {@code /proc/<pid>/status}. */
final class ProcessMemory {

    private final long pid;

    ProcessMemory(ProcessHandle process) {
        this.pid = process.pid();
    }

    /** Resident set size now, in KiB (empty once the process is gone). */
    OptionalLong residentKib() {
        return field("VmRSS:");
    }

    /** The peak resident set size since the process started or since {@link #resetPeak}, in KiB. */
    OptionalLong peakKib() {
        return field("VmHWM:");
    }

    /** Starts a new peak measurement (Linux: writing 5 to {@code clear_refs} resets VmHWM); false if not allowed. */
    boolean resetPeak() {
        try {
            Files.writeString(Path.of("/proc", String.valueOf(pid), "clear_refs"), "5");
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private OptionalLong field(String name) {
        try {
            return Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status")).stream()
                    .filter(line -> line.startsWith(name))
                    .mapToLong(line -> Long.parseLong(line.substring(name.length()).trim().split("\\s+")[0]))
                    .findFirst();
        } catch (java.nio.file.NoSuchFileException e) {
            return OptionalLong.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

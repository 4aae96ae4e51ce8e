package dev.lectavera.document.ingest;

import dev.lectavera.document.model.FailureCode;

import java.time.Duration;

/**
 * The wall-clock budget of one document, checked by the work itself (inside PDFBox callbacks, between pages,
 * chunks and embedding batches): a thread interrupt alone does not stop a CPU-bound parser.
 */
public final class Deadline {

    private final long endNanos;
    private final Duration budget;

    private Deadline(Duration budget) {
        this.budget = budget;
        this.endNanos = System.nanoTime() + budget.toNanos();
    }

    public static Deadline after(Duration budget) {
        return new Deadline(budget);
    }

    /** For callers with no budget (tools, tests of other limits). */
    public static Deadline none() {
        return new Deadline(Duration.ofDays(365));
    }

    public boolean passed() {
        return System.nanoTime() - endNanos > 0;
    }

    /** Time left before the deadline (negative once it passed). */
    public Duration remaining() {
        return Duration.ofNanos(endNanos - System.nanoTime());
    }

    /** Passed, and by more than {@code grace}: the work is not stopping by itself. */
    public boolean passedBy(Duration grace) {
        return System.nanoTime() - endNanos > grace.toNanos();
    }

    /** @throws ProcessingLimitException (took_too_long) once the budget is spent */
    public void check() {
        if (passed()) {
            throw new ProcessingLimitException(FailureCode.TOOK_TOO_LONG, tookTooLong(budget));
        }
    }

    static String tookTooLong(Duration budget) {
        return "Reading this document took longer than the " + Durations.words(budget) + " allowed for one"
                + " document, so it was stopped. Split it into smaller files (or re-save it as PDF) and upload"
                + " them again.";
    }
}

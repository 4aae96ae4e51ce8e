package dev.lectavera.document.ingest;

import java.time.Duration;

/** Durations as a student reads them in a failure reason. */
public final class Durations {

    private Durations() {
    }

    public static String words(Duration duration) {
        long seconds = duration.toSeconds();
        if (seconds >= 120 && seconds % 60 == 0) {
            return seconds / 60 + " minutes";
        }
        if (seconds >= 1) {
            return seconds + (seconds == 1 ? " second" : " seconds");
        }
        return duration.toMillis() + " ms";
    }
}

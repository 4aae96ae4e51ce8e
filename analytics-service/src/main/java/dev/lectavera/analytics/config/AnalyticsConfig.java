package dev.lectavera.analytics.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Min;

import java.time.Duration;

/** The rules of the figures and of the consumers (keys under {@code lectavera.analytics}). */
@ConfigMapping(prefix = "lectavera.analytics")
public interface AnalyticsConfig {

    /** A chat session counts as study time from start to archive, capped at this duration. */
    @WithDefault("PT3H")
    Duration chatSessionCap();

    WeakTopics weakTopics();

    Consumer consumer();

    interface WeakTopics {
        /** A topic is ranked only once it has at least this many answers. */
        @WithDefault("3")
        @Min(1)
        int minAnswers();

        /** At most this many weak topics are listed. */
        @WithDefault("5")
        @Min(1)
        int limit();
    }

    interface Consumer {
        /** Attempts at applying one event while the database fails transiently. */
        @WithDefault("8")
        @Min(1)
        int maxAttempts();

        @WithDefault("PT0.2S")
        Duration initialBackoff();

        @WithDefault("PT10S")
        Duration maxBackoff();
    }
}

package dev.lectavera.quiz.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.List;

/** {@code lectavera.quiz.*}: generation, the optional model, grading, spaced review. */
@ConfigMapping(prefix = "lectavera.quiz")
public interface QuizConfig {

    Model model();

    Generation generation();

    Grading grading();

    Review review();

    interface Model {

        /** {@code offline} (the default: the built-in generator) or {@code openai} (any OpenAI-compatible endpoint). */
        @WithDefault("offline")
        Provider provider();

        /** The chat model's name, also in the generator label ("openai:&lt;name&gt;"). */
        @WithDefault("gpt-4o-mini")
        String name();

        /** Passages of the documents shown to the model per quiz. */
        @WithDefault("40")
        int maxPassages();

        /**
         * Ask the model whether the passage supports an answer that does not occur in it literally (otherwise such
         * an answer is rejected by the grounded gate).
         */
        @WithDefault("false")
        boolean supportCheck();
    }

    enum Provider {
        OFFLINE, OPENAI
    }

    interface Generation {

        /** Page texts fetched from document-service at the same time. */
        @WithDefault("8")
        int pageConcurrency();

        /** Pages read per document at most; a longer document is sampled evenly. */
        @WithDefault("1000")
        int maxPagesPerDocument();

        /**
         * Pages read for one quiz at most, over all its documents (up to 10): generation is the most expensive call,
         * and this bounds its document-service requests, memory and time whatever the documents' sizes.
         */
        @WithDefault("1000")
        int maxPagesPerRequest();

        /**
         * Characters of one page used at most (the rest is left out). A dense textbook page has 3,000-6,000, so this
         * only trims the odd tiny-print table, and pages × characters bounds the text one generation holds.
         */
        @WithDefault("10000")
        int maxPageCharacters();

        /** Token Jaccard of two prompts at or above which they count as near-duplicates. */
        @WithDefault("0.6")
        double nearDuplicateThreshold();
    }

    interface Grading {

        /** With the openai provider, ask the model about typed answers the lenient rules reject. */
        @WithDefault("true")
        boolean useModel();
    }

    /** Spaced review (FSRS-6). The weights are FSRS-6's published defaults; these shape the schedule around them. */
    interface Review {

        /** Spread day intervals a little (seeded per card and review, so the same review gives the same date). */
        @WithDefault("true")
        boolean fuzz();

        /** The longest interval in days. */
        @WithDefault("36500")
        int maximumInterval();

        /** The short steps of a new card before it moves to day intervals. */
        @WithDefault("1m,10m")
        List<Duration> learningSteps();

        /** The short steps after a lapse. */
        @WithDefault("10m")
        List<Duration> relearningSteps();

        /** Cards generated from documents by one request at most. */
        @WithDefault("30")
        int maxFlashcardsPerRequest();
    }
}

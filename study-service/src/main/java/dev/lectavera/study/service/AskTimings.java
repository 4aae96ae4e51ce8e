package dev.lectavera.study.service;

import java.util.Arrays;

/**
 * Where one question's time went inside {@link AskService}, step by step (the HTTP ask reports it as Server-Timing).
 * Each {@link #lap} charges the time since the previous one to a step, so the steps add up to the whole ask; a step
 * taken twice (the general path stores the question and then the answer) adds up.
 */
public final class AskTimings {

    /** The steps, in the order they are reported. */
    public enum Step {
        /** the chat limit's Redis script */
        LIMIT("limit"),
        /** session, documents, cache or corrective RAG: with LIMIT, what an answer's {@code latencyMs} counts */
        ANSWER("answer"),
        /** the transactions storing the messages with QueryAnswered, commits included */
        STORE("store"),
        /** the announcements to the session's viewers (Redis publishes) */
        PUBLISH("publish");

        private final String metric;

        Step(String metric) {
            this.metric = metric;
        }

        /** The step's name in a Server-Timing header. */
        public String metric() {
            return metric;
        }
    }

    private final long[] nanos = new long[Step.values().length];
    private long last = System.nanoTime();

    /** Charges the time since the previous lap (or since this object was made) to {@code step}. */
    void lap(Step step) {
        long now = System.nanoTime();
        nanos[step.ordinal()] += now - last;
        last = now;
    }

    /** Nanoseconds charged to the step so far. */
    public long nanos(Step step) {
        return nanos[step.ordinal()];
    }

    @Override
    public String toString() {
        return "AskTimings" + Arrays.toString(nanos);
    }
}

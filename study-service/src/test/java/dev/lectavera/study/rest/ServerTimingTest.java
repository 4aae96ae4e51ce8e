package dev.lectavera.study.rest;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ServerTimingTest {

    @Test
    void durationsAreMillisecondsWithTwoDecimals() {
        assertEquals("study;dur=0.00", ServerTiming.metric("study", 0));
        assertEquals("study;dur=0.00", ServerTiming.metric("study", 9_999));
        assertEquals("study;dur=0.01", ServerTiming.metric("study", 10_000));
        assertEquals("study;dur=0.50", ServerTiming.metric("study", 500_000));
        assertEquals("study;dur=3.07", ServerTiming.metric("study", 3_071_999));
        assertEquals("study;dur=12.34", ServerTiming.metric("study", 12_345_678));
        assertEquals("study;dur=1234.00", ServerTiming.metric("study", 1_234_000_000L));
    }
}

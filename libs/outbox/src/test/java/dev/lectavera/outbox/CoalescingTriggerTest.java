package dev.lectavera.outbox;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CoalescingTriggerTest {

    @Test
    void firesDuringARunCollapseIntoOneMoreRun() throws InterruptedException {
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger runs = new AtomicInteger();
        try (CoalescingTrigger trigger = new CoalescingTrigger("test-trigger", () -> {
            if (runs.incrementAndGet() == 1) {
                running.countDown();
                await().until(() -> release.getCount() == 0);
            }
        })) {
            trigger.fire();
            assertTrue(running.await(5, TimeUnit.SECONDS));
            for (int i = 0; i < 10; i++) {
                trigger.fire();
            }
            release.countDown();
            await().atMost(Duration.ofSeconds(5)).until(() -> runs.get() == 2);
            trigger.fire();
            await().atMost(Duration.ofSeconds(5)).until(() -> runs.get() == 3);
        }
        assertEquals(3, runs.get());
    }

    @Test
    void aFailingRunDoesNotStopLaterOnes() {
        AtomicInteger runs = new AtomicInteger();
        try (CoalescingTrigger trigger = new CoalescingTrigger("test-trigger", () -> {
            runs.incrementAndGet();
            throw new IllegalStateException("boom");
        })) {
            trigger.fire();
            await().atMost(Duration.ofSeconds(5)).until(() -> runs.get() == 1);
            trigger.fire();
            await().atMost(Duration.ofSeconds(5)).until(() -> runs.get() == 2);
        }
    }

    @Test
    void theTickFiresPeriodically() {
        AtomicInteger runs = new AtomicInteger();
        try (CoalescingTrigger trigger = new CoalescingTrigger("test-trigger", runs::incrementAndGet)) {
            trigger.fireEvery(Duration.ofMillis(20));
            await().atMost(Duration.ofSeconds(5)).until(() -> runs.get() >= 3);
        }
    }
}

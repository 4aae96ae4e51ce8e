package dev.lectavera.quiz.client;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class DocumentPagesTest {

    @Test
    void everyPageUpToTheLimitThenAnEvenSample() {
        assertEquals(List.of(1, 2, 3), DocumentPages.pageNumbers(3, 10));
        assertEquals(List.of(), DocumentPages.pageNumbers(0, 10));
        assertEquals(List.of(1, 4, 7, 10), DocumentPages.pageNumbers(12, 4));
    }
}

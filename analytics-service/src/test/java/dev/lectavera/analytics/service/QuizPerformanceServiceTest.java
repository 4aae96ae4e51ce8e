package dev.lectavera.analytics.service;

import dev.lectavera.analytics.repository.QuizPerformanceQueries.MissRow;
import dev.lectavera.analytics.repository.QuizPerformanceQueries.TopicRow;
import dev.lectavera.analytics.service.QuizPerformance.Review;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

class QuizPerformanceServiceTest {

    @Test
    void weakestTopicsNeedEnoughAnswersAndAMissAndAreOrderedByAccuracy() {
        List<TopicRow> topics = List.of(
                new TopicRow("algebra", 1, 2),      // too few answers
                new TopicRow("calculus", 5, 5),     // no miss
                new TopicRow("geometry", 2, 4),     // 50 %, 4 answers
                new TopicRow("logic", 3, 6),        // 50 %, 6 answers: before geometry
                new TopicRow("sets", 1, 3),         // 33 %
                new TopicRow("topology", 2, 3));    // 67 %
        assertEquals(List.of("sets", "logic", "geometry", "topology"),
                QuizPerformanceService.weakest(topics, 3, 5).stream().map(TopicRow::topic).toList());
        assertEquals(List.of("sets", "logic"),
                QuizPerformanceService.weakest(topics, 3, 2).stream().map(TopicRow::topic).toList());
        assertEquals(List.of("sets", "logic", "geometry", "algebra", "topology"),   // 50 % ties: more answers first
                QuizPerformanceService.weakest(topics, 1, 10).stream().map(TopicRow::topic).toList());
    }

    @Test
    void reviewGroupsMissedPagesByDocumentMostMissesFirst() {
        UUID a = UUID.fromString("00000000-0000-0000-0000-00000000000a");
        UUID b = UUID.fromString("00000000-0000-0000-0000-00000000000b");
        List<MissRow> misses = List.of(
                new MissRow("t", a, "A", 9, 1),
                new MissRow("t", b, "B", 4, 2),
                new MissRow("t", a, "A", 2, 1),
                new MissRow("t", b, "B", null, 1),   // unknown page: counted, not listed
                new MissRow("t", a, "A", 9, 1));
        // 3 misses each: ties ordered by document id
        assertEquals(List.of(new Review(a, "A", 3, List.of(2, 9)), new Review(b, "B", 3, List.of(4))),
                QuizPerformanceService.review(misses));
        List<MissRow> moreOnB = new java.util.ArrayList<>(misses);
        moreOnB.add(new MissRow("t", b, "B", 1, 1));
        assertEquals(List.of(new Review(b, "B", 4, List.of(1, 4)), new Review(a, "A", 3, List.of(2, 9))),
                QuizPerformanceService.review(moreOnB));
    }
}

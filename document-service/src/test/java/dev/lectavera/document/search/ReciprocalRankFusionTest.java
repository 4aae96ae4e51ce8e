package dev.lectavera.document.search;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ReciprocalRankFusionTest {

    @Test
    void itemsRankedInBothListsBeatItemsRankedInOne() {
        List<ScoredChunk> fused = ReciprocalRankFusion.fuse(List.of(List.of(1L, 2L, 3L), List.of(3L, 2L, 9L)), 60, 10);
        // 3: 1/63 + 1/61 > 2: 1/62 + 1/62 > 1: 1/61 > 9: 1/63
        assertEquals(List.of(3L, 2L, 1L, 9L), fused.stream().map(ScoredChunk::chunkId).toList());
        assertEquals(1.0 / 63 + 1.0 / 61, fused.getFirst().score(), 1e-12);
    }

    @Test
    void tiesGoToTheBetterBestRankThenTheLowerId() {
        List<ScoredChunk> fused = ReciprocalRankFusion.fuse(List.of(List.of(7L, 5L), List.of(4L)), 60, 10);
        assertEquals(List.of(4L, 7L, 5L), fused.stream().map(ScoredChunk::chunkId).toList());
    }

    @Test
    void limitAndEmptyRankings() {
        assertEquals(1, ReciprocalRankFusion.fuse(List.of(List.of(1L, 2L), List.of()), 60, 1).size());
        assertEquals(0, ReciprocalRankFusion.fuse(List.of(List.of(), List.of()), 60, 5).size());
    }

    @Test
    void aRankingsWeightScalesWhatItsItemsGet() {
        List<ScoredChunk> fused = ReciprocalRankFusion.fuse(List.of(List.of(1L), List.of(2L)), List.of(0.5, 1.0), 60,
                10);
        assertEquals(List.of(2L, 1L), fused.stream().map(ScoredChunk::chunkId).toList());
        assertEquals(0.5 / 61, fused.get(1).score(), 1e-12);
        assertThrows(IllegalArgumentException.class,
                () -> ReciprocalRankFusion.fuse(List.of(List.of(1L)), List.of(1.0, 1.0), 60, 10));
    }
}

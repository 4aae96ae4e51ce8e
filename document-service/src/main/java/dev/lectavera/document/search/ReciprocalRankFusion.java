package dev.lectavera.document.search;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Merges rankings without comparing their scores (a ts_rank and a cosine live on different scales): each item
 * scores {@code sum weight / (k + rank)} over the rankings it appears in, rank starting at 1 (Cormack et al., 2009);
 * a ranking's weight says how much its evidence counts against the others' (1 each unless given).
 */
public final class ReciprocalRankFusion {

    private ReciprocalRankFusion() {
    }

    /** Fused items, best first; ties go to the item with the better best rank, then the lower id. */
    public static List<ScoredChunk> fuse(List<List<Long>> rankings, int k, int limit) {
        return fuse(rankings, Collections.nCopies(rankings.size(), 1.0), k, limit);
    }

    /** As {@link #fuse(List, int, int)}, each ranking counting with its weight (same order as the rankings). */
    public static List<ScoredChunk> fuse(List<List<Long>> rankings, List<Double> weights, int k, int limit) {
        if (weights.size() != rankings.size()) {
            throw new IllegalArgumentException(rankings.size() + " rankings but " + weights.size() + " weights");
        }
        Map<Long, double[]> fused = new HashMap<>(); // id -> {score, best rank}
        for (int r = 0; r < rankings.size(); r++) {
            List<Long> ranking = rankings.get(r);
            double weight = weights.get(r);
            for (int i = 0; i < ranking.size(); i++) {
                int rank = i + 1;
                double[] entry = fused.computeIfAbsent(ranking.get(i), id -> new double[] {0, Integer.MAX_VALUE});
                entry[0] += weight / (k + rank);
                entry[1] = Math.min(entry[1], rank);
            }
        }
        List<Map.Entry<Long, double[]>> entries = new ArrayList<>(fused.entrySet());
        entries.sort(Comparator.<Map.Entry<Long, double[]>>comparingDouble(e -> -e.getValue()[0])
                .thenComparingDouble(e -> e.getValue()[1])
                .thenComparingLong(Map.Entry::getKey));
        List<ScoredChunk> result = new ArrayList<>(Math.min(limit, entries.size()));
        for (int i = 0; i < entries.size() && i < limit; i++) {
            result.add(new ScoredChunk(entries.get(i).getKey(), entries.get(i).getValue()[0]));
        }
        return result;
    }
}

package dev.lectavera.document.embedding;

import java.util.List;

/**
 * Turns text into L2-normalised vectors (so a dot product is the cosine similarity). Passages and queries are
 * embedded separately because some models (bge) want an instruction before queries only.
 */
public interface Embedder {

    /** Identifies model and vector space: vectors with different ids are never compared or shared. */
    String modelId();

    /** One vector per text, in order. Blocking and CPU- or network-heavy: never call it on an event loop. */
    List<float[]> embedPassages(List<String> texts);

    float[] embedQuery(String query);

    static float[] normalize(float[] vector) {
        double sum = 0;
        for (float v : vector) {
            sum += (double) v * v;
        }
        if (sum == 0) {
            return vector;
        }
        float inverse = (float) (1.0 / Math.sqrt(sum));
        float[] normalized = new float[vector.length];
        for (int i = 0; i < vector.length; i++) {
            normalized[i] = vector[i] * inverse;
        }
        return normalized;
    }
}

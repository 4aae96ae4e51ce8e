package dev.lectavera.document.embedding;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Vectors as bytea: float32, little-endian, no header (dimensions = bytes / 4). */
public final class VectorCodec {

    private VectorCodec() {
    }

    public static byte[] encode(float[] vector) {
        ByteBuffer buffer = ByteBuffer.allocate(vector.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        buffer.asFloatBuffer().put(vector);
        return buffer.array();
    }

    public static float[] decode(byte[] bytes) {
        float[] vector = new float[bytes.length / Float.BYTES];
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(vector);
        return vector;
    }

    /** Decodes into {@code target} starting at {@code offset} (rows of a matrix). */
    public static void decodeInto(byte[] bytes, float[] target, int offset) {
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(target, offset, bytes.length / Float.BYTES);
    }
}

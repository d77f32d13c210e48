package org.mhtrigger.fhir.internal.spill;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * One resource as read, before HAPI parses it: its JSON text and where it came from. Immutable.
 *
 * @param seq its place in the order of the whole read, so a group can replay its resources in that order
 * @param file index of the file among the files read
 * @param line the NDJSON line, or {@code 0} in a {@code .json} file
 * @param entry the Bundle entry (from 1), or {@code 0} when the resource is not in a Bundle
 * @param fullUrl the Bundle entry's fullUrl, or {@code null}
 * @param json the resource's JSON text, UTF-8 encoded (read, routed and spilled as bytes, decoded only by the parser);
 *     not copied, and never changed once the entry is made
 * @param digest {@link #contentDigest} of {@code json}, to tell whether two copies of a resource differ
 */
public record Entry(long seq, int file, int line, int entry, String fullUrl, byte[] json, long digest) {
    /** The JSON text as a string, for HAPI's parser and for messages. */
    public String text() {
        return new String(json, StandardCharsets.UTF_8);
    }

    /** Whether this is a whole NDJSON line (not a Bundle entry inside one). */
    public boolean isLine() {
        return line > 0 && entry == 0;
    }

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long PRIME = 0x9E3779B97F4A7C15L;
    private static final long SECOND_SEED = 0xC2B2AE3D27D4EB4FL;

    /**
     * A 64-bit hash of a resource's whole text, to tell two copies apart: over its UTF-8 bytes sixteen at a time, in two
     * independent lanes so the processor can overlap them. Each step of a lane is a bijection of its state, so two texts
     * of the same length that differ in one eight-byte word always hash apart. Not stable across versions: it is
     * compared within one read only.
     */
    public static long contentDigest(byte[] bytes) {
        int n = bytes.length;
        long a = PRIME ^ n;
        long b = SECOND_SEED ^ n;
        int i = 0;
        for (; i + 2 * Long.BYTES <= n; i += 2 * Long.BYTES) {
            a = (Long.rotateLeft(a, 27) ^ (long) LONGS.get(bytes, i)) * PRIME;
            b = (Long.rotateLeft(b, 27) ^ (long) LONGS.get(bytes, i + Long.BYTES)) * PRIME;
        }
        if (i + Long.BYTES <= n) {
            a = (Long.rotateLeft(a, 27) ^ (long) LONGS.get(bytes, i)) * PRIME;
            i += Long.BYTES;
        }
        long tail = 0;
        for (; i < n; i++) {
            tail = tail << 8 | (bytes[i] & 0xFF);
        }
        return mix(a ^ mix(b ^ mix(tail ^ 0xFF51AFD7ED558CCDL)));
    }

    /** The finaliser of MurmurHash3: every input bit affects every output bit. */
    private static long mix(long value) {
        long h = value;
        h ^= h >>> 33;
        h *= 0xFF51AFD7ED558CCDL;
        h ^= h >>> 33;
        h *= 0xC4CEB9FE1A85EC53L;
        h ^= h >>> 33;
        return h;
    }

    /**
     * FNV-1a over the UTF-16 code units: for keys and ids (short), where it also chooses a patient's group, so it must
     * not change; 64 bits make a false "same" vanishingly rare.
     */
    public static long digest(String text) {
        long hash = 0xcbf29ce484222325L;
        for (int i = 0; i < text.length(); i++) {
            hash ^= text.charAt(i);
            hash *= 0x100000001b3L;
        }
        return hash;
    }
}

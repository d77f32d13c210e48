package org.mhtrigger.corpus.internal;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Seeding and sampling helpers. Stateless, thread-safe. Every random stream is derived from (corpus seed, stay index,
 * purpose) so that stay i is the same whatever the number of stays; sampling uses {@link StrictMath} so that results
 * do not depend on the platform.
 */
public final class Seeds {
    static final long PATIENT = 0x5041_5449_454E_54L;
    static final long STAY = 0x5354_4159L;
    /** Traps draw from their own stream, so that switching them on or off leaves the rest of a stay as it was. */
    static final long TRAP = 0x5452_4150L;

    private Seeds() {}

    /** A random stream for one purpose of one stay index (SplitMix64 finaliser over the three inputs). */
    public static SplittableRandom stream(long seed, long index, long purpose) {
        long z = seed * 0x9E3779B97F4A7C15L + index * 0xBF58476D1CE4E5B9L + purpose * 0x94D049BB133111EBL;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return new SplittableRandom(z ^ (z >>> 31));
    }

    /** A standard normal variate by Box-Muller with strict maths (platform-independent). */
    static double gaussian(SplittableRandom random) {
        double u = 1.0 - random.nextDouble();
        double v = random.nextDouble();
        return StrictMath.sqrt(-2.0 * StrictMath.log(u)) * StrictMath.cos(2.0 * StrictMath.PI * v);
    }

    static <T> T pick(SplittableRandom random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    @SafeVarargs
    static <T> T pick(SplittableRandom random, T... values) {
        return values[random.nextInt(values.length)];
    }

    static boolean chance(SplittableRandom random, double probability) {
        return random.nextDouble() < probability;
    }

    static int between(SplittableRandom random, int low, int highInclusive) {
        return low + random.nextInt(highInclusive - low + 1);
    }
}

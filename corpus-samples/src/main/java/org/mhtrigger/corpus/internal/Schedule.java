package org.mhtrigger.corpus.internal;

import java.util.List;

/**
 * Decides from a stay's index alone which stays are quiet and which trigger each other stay showcases, so that a
 * small sample already holds every trigger in every way, and stay i is the same whatever the number of stays.
 * Stateless, thread-safe.
 */
public final class Schedule {
    private static final List<Triggers.Planting> SHOWCASE = Triggers.showcase();
    /** Residues (index mod 10) of quiet stays: about three in ten stays get no planted trigger. */
    private static final int[] RANK = {0, 1, -1, 2, 3, -1, 4, 5, -1, 6};

    private Schedule() {}

    public static boolean quiet(int index) {
        return RANK[index % 10] < 0;
    }

    /** The showcased planting of a stay that is not quiet. */
    public static Triggers.Planting showcase(int index) {
        if (quiet(index)) {
            throw new IllegalArgumentException("stay " + index + " is quiet and showcases nothing");
        }
        int ordinal = (index / 10) * 7 + RANK[index % 10];
        return SHOWCASE.get(ordinal % SHOWCASE.size());
    }

    /** Whether the stay must last long enough for a missing care plan or risk assessment to be unambiguous. */
    static boolean needsLongStay(int index) {
        if (quiet(index)) {
            return false;
        }
        String code = showcase(index).trigger();
        return code.equals("MH-Q01") || code.equals("MH-Q02");
    }

    static int showcaseSize() {
        return SHOWCASE.size();
    }
}

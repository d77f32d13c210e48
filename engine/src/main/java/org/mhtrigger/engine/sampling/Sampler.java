package org.mhtrigger.engine.sampling;

import java.time.Duration;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * Draws reproducible review samples (docs/spec/method.md §1). Stateless, thread-safe.
 *
 * <p>The protocol, version {@value #PROTOCOL_VERSION}, so that an auditor can redraw a sample by hand or in another
 * language:
 *
 * <ol>
 *   <li><b>Frame.</b> Stays discharged on a (UTC) day of the period, with a length of stay of at least {@link
 *       SamplingCriteria#minLengthOfStayHours()} hours and, when {@link SamplingCriteria#minAgeYears()} is above 0, a
 *       patient aged at least that many whole years on the (UTC) day of admission; a stay without a birth date is
 *       then left out. The frame is sorted by encounter id (Java {@code String} order, i.e. UTF-16 code units), so
 *       the order of the input does not matter.
 *   <li><b>Generator.</b> SplitMix64 seeded with the seed: each step adds {@code 0x9E3779B97F4A7C15} to the state
 *       and mixes it with {@code z = (z ^ z>>>30) * 0xBF58476D1CE4E5B9; z = (z ^ z>>>27) * 0x94D049BB133111EB; z ^
 *       z>>>31}. A uniform index below {@code n} takes the top 63 bits {@code r} and returns {@code r mod n}, drawing
 *       again while {@code r} falls in the incomplete last block of {@code n} (so every index is equally likely).
 *   <li><b>Draw.</b> {@code k = min(size, frame size)} stays by a partial Fisher–Yates shuffle: for {@code i = 0 ..
 *       k-1}, swap position {@code i} with {@code i + index(n - i)}; the first {@code k} are the sample, in draw
 *       order.
 *   <li><b>Stratified by ward.</b> Strata are wards in {@code String} order (unknown ward {@code ""} is a stratum).
 *       Each gets {@code floor(k * n_h / N)} stays; the remaining ones go one each to the strata with the largest
 *       remainders {@code (k * n_h) mod N}, ties to the earlier ward. Strata are then drawn in ward order with the
 *       one generator, each by the partial shuffle above; the manifest lists them in that order.
 * </ol>
 */
public final class Sampler {
    /** Version of the protocol above; stored with every sample. Change it whenever a redraw would differ. */
    public static final String PROTOCOL_VERSION = "1.0";

    private Sampler() {}

    /**
     * Draws a sample of {@code size} stays from those of {@code stays} that meet {@code criteria} in {@code period}.
     * The same stays (in any order), period, criteria, size and seed always give the same manifest.
     *
     * @param size how many stays to draw; when the frame is smaller, the whole frame is chosen
     * @throws IllegalArgumentException if {@code size} is negative or two stays share an encounter id
     */
    public static SampleManifest draw(
            Collection<SamplingUnit> stays, ReviewPeriod period, SamplingCriteria criteria, int size, long seed) {
        if (size < 0) {
            throw new IllegalArgumentException("sample size " + size + " must be >= 0");
        }
        List<SamplingUnit> frame = frame(stays, period, criteria);
        int k = Math.min(size, frame.size());
        SplitMix64 random = new SplitMix64(seed);
        List<String> chosen = new ArrayList<>(k);
        if (SamplingCriteria.WARD.equals(criteria.stratifyBy())) {
            Map<String, List<SamplingUnit>> strata = new TreeMap<>();
            for (SamplingUnit unit : frame) {
                strata.computeIfAbsent(unit.ward(), w -> new ArrayList<>()).add(unit);
            }
            int[] allocation =
                    allocate(strata.values().stream().mapToInt(List::size).toArray(), k, frame.size());
            int h = 0;
            for (List<SamplingUnit> stratum : strata.values()) {
                chosen.addAll(shuffleFirst(stratum, allocation[h++], random));
            }
        } else {
            chosen.addAll(shuffleFirst(frame, k, random));
        }
        return new SampleManifest(period, criteria, seed, size, frame.size(), PROTOCOL_VERSION, chosen);
    }

    /**
     * The sampling frame: the stays that meet {@code criteria} in {@code period}, sorted by encounter id.
     *
     * @throws IllegalArgumentException if two stays share an encounter id
     */
    public static List<SamplingUnit> frame(
            Collection<SamplingUnit> stays, ReviewPeriod period, SamplingCriteria criteria) {
        Objects.requireNonNull(stays, "stays must not be null");
        Objects.requireNonNull(period, "period must not be null");
        Objects.requireNonNull(criteria, "criteria must not be null");
        Set<String> seen = new HashSet<>();
        List<SamplingUnit> frame = new ArrayList<>();
        for (SamplingUnit unit : stays) {
            Objects.requireNonNull(unit, "stays must not contain null");
            if (!seen.add(unit.encounterId())) {
                throw new IllegalArgumentException(
                        "encounter " + unit.encounterId() + " appears more than once among the stays to sample");
            }
            if (inFrame(unit, period, criteria)) {
                frame.add(unit);
            }
        }
        frame.sort(Comparator.comparing(SamplingUnit::encounterId));
        return List.copyOf(frame);
    }

    private static boolean inFrame(SamplingUnit unit, ReviewPeriod period, SamplingCriteria criteria) {
        if (!period.contains(unit.discharged())) {
            return false;
        }
        double hours = Duration.between(unit.admitted(), unit.discharged()).toSeconds() / 3600.0;
        if (hours < criteria.minLengthOfStayHours()) {
            return false;
        }
        if (criteria.minAgeYears() > 0) {
            if (unit.birthDate() == null) {
                return false;
            }
            LocalDate admittedOn = LocalDate.ofInstant(unit.admitted(), ZoneOffset.UTC);
            if (unit.birthDate().isAfter(admittedOn)
                    || Period.between(unit.birthDate(), admittedOn).getYears() < criteria.minAgeYears()) {
                return false;
            }
        }
        return true;
    }

    /** Largest-remainder proportional allocation of {@code k} draws over strata of the given sizes summing to n. */
    static int[] allocate(int[] sizes, int k, int n) {
        int[] allocation = new int[sizes.length];
        long[] remainder = new long[sizes.length];
        int given = 0;
        for (int h = 0; h < sizes.length; h++) {
            long share = (long) k * sizes[h];
            allocation[h] = (int) (share / n);
            remainder[h] = share % n;
            given += allocation[h];
        }
        for (int left = k - given; left > 0; left--) {
            int best = -1;
            for (int h = 0; h < sizes.length; h++) {
                if (remainder[h] > 0 && (best < 0 || remainder[h] > remainder[best])) {
                    best = h;
                }
            }
            allocation[best]++;
            remainder[best] = 0;
        }
        return allocation;
    }

    private static List<String> shuffleFirst(List<SamplingUnit> units, int k, SplitMix64 random) {
        List<SamplingUnit> pool = new ArrayList<>(units);
        int n = pool.size();
        for (int i = 0; i < k; i++) {
            int j = i + random.nextIndex(n - i);
            SamplingUnit swap = pool.get(i);
            pool.set(i, pool.get(j));
            pool.set(j, swap);
        }
        return pool.subList(0, k).stream().map(SamplingUnit::encounterId).toList();
    }

    /** SplitMix64 (Steele, Lea and Flood 2014), written out so that the draw does not depend on a JDK's version. */
    static final class SplitMix64 {
        private long state;

        SplitMix64(long seed) {
            this.state = seed;
        }

        long nextLong() {
            long z = (state += 0x9E3779B97F4A7C15L);
            z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
            z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
            return z ^ (z >>> 31);
        }

        /** Uniform in {@code [0, bound)}. */
        int nextIndex(int bound) {
            if (bound <= 0) {
                throw new IllegalArgumentException("bound " + bound + " must be > 0");
            }
            while (true) {
                long r = nextLong() >>> 1;
                long value = r % bound;
                // r - value + (bound - 1) overflows exactly when r lies in the incomplete last block
                if (r - value + (bound - 1) >= 0) {
                    return (int) value;
                }
            }
        }
    }
}

package org.mhtrigger.engine.text;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Numbers the terms and term prefixes that a lexicon's {@link TermNeed}s test for, so that a note's terms can be
 * recorded as a bit per number in one pass over its tokens. The tokens are looked up as the analyser leaves them, in
 * its character buffer, without making a string of each. Built while compiling, then read-only and thread-safe.
 *
 * <p>Every token of every note is looked up, so the tables are flat arrays over one pool of characters: a slot holds
 * its term's hash, offset and length, and only a slot whose hash and length match is compared character by
 * character. Before, each slot was a {@code char[]} of its own, compared at once: on 100,000 generated stays the
 * lookups took 9% of the screening threads' samples (flight recording), most of them in those comparisons.
 */
final class TermIndex {
    private final Map<String, Integer> exact = new HashMap<>();
    private final Map<String, Integer> prefixIds = new HashMap<>();
    /** The characters of every whole term and prefix, one after another, each once. */
    private char[] pool = new char[256];

    private int pooled;
    /** Where each term and prefix starts in the pool. */
    private final Map<String, Integer> poolStarts = new HashMap<>();
    /** The whole terms in an open-addressing table by {@code String.hashCode}: hash, place in the pool, length, id. */
    private int[] slotHashes = new int[16];

    private int[] slotStarts = new int[16];
    /** {@code -1}: empty. */
    private int[] slotLengths = filled(16);

    private int[] slotIds = new int[16];
    /** The prefixes' distinct first characters, sorted, and for each the prefixes (place, length) and their numbers. */
    private char[] firsts = new char[0];

    private int[][] prefixStartsByFirst = new int[0][];
    private int[][] prefixLengthsByFirst = new int[0][];
    private int[][] prefixNumbersByFirst = new int[0][];
    private int size;

    private static int[] filled(int length) {
        int[] lengths = new int[length];
        Arrays.fill(lengths, -1);
        return lengths;
    }

    /** The number of a whole term, assigned on first use. */
    int term(String term) {
        Integer known = exact.get(term);
        if (known != null) {
            return known;
        }
        int id = size++;
        exact.put(term, id);
        if (exact.size() * 2 > slotLengths.length) {
            int grown = slotLengths.length * 2;
            slotHashes = new int[grown];
            slotStarts = new int[grown];
            slotLengths = filled(grown);
            slotIds = new int[grown];
            exact.forEach(this::place);
        } else {
            place(term, id);
        }
        return id;
    }

    private void place(String term, int id) {
        int mask = slotLengths.length - 1;
        int i = term.hashCode() & mask;
        while (slotLengths[i] >= 0) {
            i = (i + 1) & mask;
        }
        slotHashes[i] = term.hashCode();
        slotStarts[i] = pooled(term);
        slotLengths[i] = term.length();
        slotIds[i] = id;
    }

    /** Where {@code text} starts in the pool, added at its end the first time. */
    private int pooled(String text) {
        return poolStarts.computeIfAbsent(text, this::append);
    }

    private int append(String text) {
        int start = pooled;
        if (start + text.length() > pool.length) {
            pool = Arrays.copyOf(pool, Math.max(pool.length * 2, start + text.length()));
        }
        text.getChars(0, text.length(), pool, start);
        pooled += text.length();
        return start;
    }

    /** The number of a prefix, assigned on first use. */
    int prefix(String prefix) {
        Integer known = prefixIds.get(prefix);
        if (known != null) {
            return known;
        }
        int id = size++;
        prefixIds.put(prefix, id);
        List<String> sorted = new ArrayList<>(prefixIds.keySet());
        sorted.sort(null);
        char[] first = sorted.stream()
                .map(p -> String.valueOf(p.charAt(0)))
                .distinct()
                .collect(StringBuilder::new, StringBuilder::append, StringBuilder::append)
                .toString()
                .toCharArray();
        int[][] starts = new int[first.length][];
        int[][] lengths = new int[first.length][];
        int[][] numbers = new int[first.length][];
        for (int f = 0; f < first.length; f++) {
            char c = first[f];
            List<String> these = sorted.stream().filter(p -> p.charAt(0) == c).toList();
            starts[f] = these.stream().mapToInt(this::pooled).toArray();
            lengths[f] = these.stream().mapToInt(String::length).toArray();
            numbers[f] = these.stream().mapToInt(prefixIds::get).toArray();
        }
        firsts = first;
        prefixStartsByFirst = starts;
        prefixLengthsByFirst = lengths;
        prefixNumbersByFirst = numbers;
        return id;
    }

    int size() {
        return size;
    }

    /**
     * Records in {@code hits} that token {@code token}, the term in {@code buffer[0, length)}, is that term and starts
     * with each prefix it starts with.
     */
    void mark(char[] buffer, int length, int token, NoteTerms.Hits hits) {
        if (length == 0) {
            return;
        }
        int hash = 0;
        for (int k = 0; k < length; k++) {
            hash = 31 * hash + buffer[k];
        }
        int mask = slotLengths.length - 1;
        for (int i = hash & mask; slotLengths[i] >= 0; i = (i + 1) & mask) {
            if (slotHashes[i] == hash && slotLengths[i] == length && pooledAt(slotStarts[i], buffer, length)) {
                hits.add(slotIds[i], token);
                break;
            }
        }
        int f = Arrays.binarySearch(firsts, buffer[0]);
        if (f < 0) {
            return;
        }
        int[] starts = prefixStartsByFirst[f];
        int[] lengths = prefixLengthsByFirst[f];
        for (int p = 0; p < starts.length; p++) {
            if (lengths[p] <= length && pooledAt(starts[p], buffer, lengths[p])) {
                hits.add(prefixNumbersByFirst[f][p], token);
            }
        }
    }

    /** Whether {@code buffer[0, length)} is the pool's characters from {@code start}. */
    private boolean pooledAt(int start, char[] buffer, int length) {
        for (int k = 0; k < length; k++) {
            if (pool[start + k] != buffer[k]) {
                return false;
            }
        }
        return true;
    }
}

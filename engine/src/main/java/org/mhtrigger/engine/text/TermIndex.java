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
 */
final class TermIndex {
    private final Map<String, Integer> exact = new HashMap<>();
    private final Map<String, Integer> prefixIds = new HashMap<>();
    /** The whole terms in an open-addressing table by {@code String.hashCode}, for looking up character buffers. */
    private char[][] slots = new char[16][];

    private int[] slotIds = new int[16];
    /** The prefixes' distinct first characters, sorted, and for each the prefixes and their numbers. */
    private char[] firsts = new char[0];

    private char[][][] prefixesByFirst = new char[0][][];
    private int[][] prefixNumbersByFirst = new int[0][];
    private int size;

    /** The number of a whole term, assigned on first use. */
    int term(String term) {
        Integer known = exact.get(term);
        if (known != null) {
            return known;
        }
        int id = size++;
        exact.put(term, id);
        if (exact.size() * 2 > slots.length) {
            slots = new char[slots.length * 2][];
            slotIds = new int[slots.length];
            exact.forEach(this::place);
        } else {
            place(term, id);
        }
        return id;
    }

    private void place(String term, int id) {
        int mask = slots.length - 1;
        int i = term.hashCode() & mask;
        while (slots[i] != null) {
            i = (i + 1) & mask;
        }
        slots[i] = term.toCharArray();
        slotIds[i] = id;
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
        char[][][] byFirst = new char[first.length][][];
        int[][] numbers = new int[first.length][];
        for (int f = 0; f < first.length; f++) {
            char c = first[f];
            List<String> these = sorted.stream().filter(p -> p.charAt(0) == c).toList();
            byFirst[f] = these.stream().map(String::toCharArray).toArray(char[][]::new);
            numbers[f] = these.stream().mapToInt(prefixIds::get).toArray();
        }
        firsts = first;
        prefixesByFirst = byFirst;
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
        int mask = slots.length - 1;
        for (int i = hash & mask; slots[i] != null; i = (i + 1) & mask) {
            if (Arrays.equals(slots[i], 0, slots[i].length, buffer, 0, length)) {
                hits.add(slotIds[i], token);
                break;
            }
        }
        int f = Arrays.binarySearch(firsts, buffer[0]);
        if (f < 0) {
            return;
        }
        char[][] prefixes = prefixesByFirst[f];
        for (int p = 0; p < prefixes.length; p++) {
            char[] prefix = prefixes[p];
            if (prefix.length <= length && Arrays.equals(prefix, 0, prefix.length, buffer, 0, prefix.length)) {
                hits.add(prefixNumbersByFirst[f][p], token);
            }
        }
    }
}

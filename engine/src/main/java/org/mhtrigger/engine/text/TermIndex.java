package org.mhtrigger.engine.text;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Numbers the terms and term prefixes that a lexicon's {@link TermNeed}s test for, so that a note's terms can be
 * recorded as a bit per number in one pass over its tokens. Built while compiling, then read-only and thread-safe.
 */
final class TermIndex {
    private final Map<String, Integer> exact = new HashMap<>();
    private final Map<String, Integer> prefixIds = new HashMap<>();
    private String[] prefixes = new String[0];
    private int[] prefixNumbers = new int[0];
    private int size;

    /** The number of a whole term, assigned on first use. */
    int term(String term) {
        return exact.computeIfAbsent(term, t -> size++);
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
        prefixes = sorted.toArray(String[]::new);
        prefixNumbers = sorted.stream().mapToInt(prefixIds::get).toArray();
        return id;
    }

    int size() {
        return size;
    }

    /** Records in {@code hits} that token {@code token} is {@code term} and starts with each prefix it starts with. */
    void mark(String term, int token, NoteTerms.Hits hits) {
        Integer id = exact.get(term);
        if (id != null) {
            hits.add(id, token);
        }
        if (prefixes.length == 0 || term.isEmpty()) {
            return;
        }
        int at = Arrays.binarySearch(prefixes, term);
        int i = at >= 0 ? at : -at - 2; // the last prefix sorting at or before the term
        // every prefix of the term sorts at or before it, after the others that share its first letter
        while (i >= 0 && !prefixes[i].isEmpty() && prefixes[i].charAt(0) == term.charAt(0)) {
            if (term.startsWith(prefixes[i])) {
                hits.add(prefixNumbers[i], token);
            }
            i--;
        }
    }
}

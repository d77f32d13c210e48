package org.mhtrigger.review.record;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which findings of one trigger code point at one clinical event, so the record page shows each event once with its
 * findings inside it. Two findings of a code are one event when any of these holds (and so, in chains, are their
 * neighbours):
 *
 * <ul>
 *   <li>they are at most {@link #GAP} apart: a restraint and the note written an hour later, a run of low counts;
 *   <li>one is a medicine <em>order</em> and the other names that medicine: an order's finding carries the time the
 *       order was written, not the time it was stopped, so "Clozapine stopped today" twelve days later is the same
 *       stop;
 *   <li>the later one is in a note written at or after discharge (a discharge summary), which restates what happened
 *       rather than telling of something new: it joins the latest event before it.
 * </ul>
 *
 * Anything else is a separate event: two restraints four days apart are two events, each with its own findings.
 */
final class TriggerEvents {

    /** Findings of one code further apart than this, and not linked otherwise, are separate events. */
    static final Duration GAP = Duration.ofHours(72);

    private static final Pattern WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

    /**
     * One finding as the grouping sees it.
     *
     * @param at when the finding is dated
     * @param orderedMedicine the medicine's first word, lower case, when the finding is about a medicine order; else
     *     null
     * @param text the words of its evidence (a note's sentence or a structured summary)
     * @param summary whether it comes from a note written at or after discharge
     */
    record Item<T>(T value, Instant at, String orderedMedicine, String text, boolean summary) {}

    private TriggerEvents() {}

    /** {@code items} (all of one code) cut into clinical events, each in time order, the events by their first time. */
    static <T> List<List<T>> group(List<Item<T>> items) {
        List<Item<T>> sorted = new ArrayList<>(items);
        sorted.sort(Comparator.comparing(Item::at, Comparator.nullsFirst(Comparator.naturalOrder())));
        int[] parent = new int[sorted.size()];
        for (int i = 0; i < parent.length; i++) {
            parent[i] = i;
        }
        List<Set<String>> words = new ArrayList<>();
        for (Item<T> item : sorted) {
            words.add(Set.of(WORD.splitAsStream(item.text().toLowerCase(Locale.ROOT))
                    .distinct()
                    .toArray(String[]::new)));
        }
        for (int i = 1; i < sorted.size(); i++) {
            Instant previous = sorted.get(i - 1).at();
            Instant now = sorted.get(i).at();
            if (previous == null
                    || now == null
                    || Duration.between(previous, now).compareTo(GAP) <= 0) {
                union(parent, i - 1, i);
            }
        }
        for (int i = 0; i < sorted.size(); i++) {
            String medicine = sorted.get(i).orderedMedicine();
            if (medicine == null) {
                continue;
            }
            for (int j = 0; j < sorted.size(); j++) {
                if (j != i && words.get(j).contains(medicine)) {
                    union(parent, i, j);
                }
            }
        }
        for (int i = 1; i < sorted.size(); i++) {
            if (sorted.get(i).summary()) {
                union(parent, i - 1, i);
            }
        }
        Map<Integer, List<T>> events = new LinkedHashMap<>();
        for (int i = 0; i < sorted.size(); i++) {
            events.computeIfAbsent(root(parent, i), k -> new ArrayList<>())
                    .add(sorted.get(i).value());
        }
        return new ArrayList<>(events.values());
    }

    /** The first word of a medicine's label ("clozapine 150 mg oral" → "clozapine"), lower case. */
    static String medicine(String label) {
        String[] words = WORD.split(label.strip().toLowerCase(Locale.ROOT));
        return words.length == 0 || words[0].isEmpty() ? null : words[0];
    }

    private static void union(int[] parent, int a, int b) {
        int ra = root(parent, a);
        int rb = root(parent, b);
        if (ra != rb) {
            parent[Math.max(ra, rb)] = Math.min(ra, rb);
        }
    }

    private static int root(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }
}

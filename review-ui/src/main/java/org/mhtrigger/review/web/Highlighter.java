package org.mhtrigger.review.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/**
 * Cuts a note's text into plain-text segments at the edges of highlighted spans (trigger evidence, search matches).
 * The output is text, never HTML: templates escape each segment. Stateless, thread-safe.
 */
public final class Highlighter {
    private Highlighter() {}

    /** A span to highlight: {@code [start, end)}, an anchor id for links, a CSS class and a tooltip. */
    public record Mark(int start, int end, String anchor, String cssClass, String title) {}

    /** A piece of text; {@code cssClass} is null for unhighlighted text, {@code anchor} set where a mark starts. */
    public record Segment(String text, String anchor, String cssClass, String title) {
        public boolean marked() {
            return cssClass != null;
        }
    }

    /** Segments covering all of {@code text}; marks outside the text are clipped, empty ones ignored. */
    public static List<Segment> segments(String text, List<Mark> marks) {
        TreeSet<Integer> cuts = new TreeSet<>(List.of(0, text.length()));
        List<Mark> valid = new ArrayList<>();
        for (Mark mark : marks) {
            int start = Math.max(0, Math.min(mark.start(), text.length()));
            int end = Math.max(start, Math.min(mark.end(), text.length()));
            if (end > start) {
                valid.add(new Mark(start, end, mark.anchor(), mark.cssClass(), mark.title()));
                cuts.add(start);
                cuts.add(end);
            }
        }
        List<Segment> segments = new ArrayList<>();
        Integer previous = null;
        for (int cut : cuts) {
            if (previous != null && cut > previous) {
                int from = previous;
                List<Mark> covering = valid.stream()
                        .filter(m -> m.start() <= from && m.end() >= cut)
                        .toList();
                String piece = text.substring(from, cut);
                if (covering.isEmpty()) {
                    segments.add(new Segment(piece, null, null, null));
                } else {
                    String anchor = covering.stream()
                            .filter(m -> m.start() == from && m.anchor() != null)
                            .map(Mark::anchor)
                            .findFirst()
                            .orElse(null);
                    String css = String.join(
                            " ",
                            covering.stream().map(Mark::cssClass).distinct().toList());
                    String title = String.join(
                            "; ",
                            covering.stream()
                                    .map(Mark::title)
                                    .filter(t -> t != null && !t.isEmpty())
                                    .distinct()
                                    .toList());
                    segments.add(new Segment(piece, anchor, css, title.isEmpty() ? null : title));
                }
            }
            previous = cut;
        }
        return segments;
    }

    /** Case-insensitive occurrences of {@code query} in {@code text}, at most {@code limit}. */
    public static List<int[]> occurrences(String text, String query, int limit) {
        List<int[]> found = new ArrayList<>();
        if (query == null || query.isBlank()) {
            return found;
        }
        String haystack = text.toLowerCase(Locale.ROOT);
        String needle = query.strip().toLowerCase(Locale.ROOT);
        if (haystack.length() != text.length()) {
            return found; // lower-casing changed lengths (rare scripts): offsets would not line up
        }
        int at = haystack.indexOf(needle);
        while (at >= 0 && found.size() < limit) {
            found.add(new int[] {at, at + needle.length()});
            at = haystack.indexOf(needle, at + needle.length());
        }
        return found;
    }
}

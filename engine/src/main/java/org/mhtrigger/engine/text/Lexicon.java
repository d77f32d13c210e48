package org.mhtrigger.engine.text;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.Term;
import org.apache.lucene.queries.spans.SpanMultiTermQueryWrapper;
import org.apache.lucene.queries.spans.SpanNearQuery;
import org.apache.lucene.queries.spans.SpanOrQuery;
import org.apache.lucene.queries.spans.SpanQuery;
import org.apache.lucene.queries.spans.SpanTermQuery;
import org.apache.lucene.search.PrefixQuery;
import org.mhtrigger.engine.ConfigurationException;

/**
 * The lexicon entries of every text trigger, compiled to Lucene span queries: one query of mentions and one of
 * exclusions per trigger. Immutable, thread-safe.
 */
public final class Lexicon {
    static final String FIELD = "text";

    private final List<LexiconEntry> entries;
    private final List<CompiledTrigger> sorted;
    private final TermIndex terms = new TermIndex();

    /**
     * Compiles {@code entries}.
     *
     * @throws ConfigurationException naming the entry whose pattern cannot be compiled
     */
    public Lexicon(List<LexiconEntry> entries, Analyzer analyzer) {
        this.entries = List.copyOf(entries);
        Map<String, List<Part>> include = new LinkedHashMap<>();
        Map<String, List<Part>> exclude = new LinkedHashMap<>();
        for (LexiconEntry entry : this.entries) {
            Part part = compilePart(entry, analyzer, terms);
            (entry.exclude() ? exclude : include)
                    .computeIfAbsent(entry.trigger(), t -> new ArrayList<>())
                    .add(part);
        }
        Map<String, CompiledTrigger> compiled = new LinkedHashMap<>();
        include.forEach((trigger, parts) -> {
            Part excluded = exclude.containsKey(trigger) ? or(exclude.get(trigger)) : null;
            Part included = or(parts);
            compiled.put(
                    trigger,
                    new CompiledTrigger(
                            trigger,
                            included.pattern(),
                            included.need(),
                            excluded == null ? null : excluded.pattern(),
                            excluded == null ? null : excluded.need()));
        });
        this.sorted = compiled.values().stream()
                .sorted(java.util.Comparator.comparing(CompiledTrigger::trigger))
                .toList();
        for (String trigger : exclude.keySet()) {
            if (!include.containsKey(trigger)) {
                throw new ConfigurationException("lexicon has exclusions for " + trigger + " but no entries for it");
            }
        }
    }

    public List<LexiconEntry> entries() {
        return entries;
    }

    /** Trigger codes with at least one entry, in code order. */
    public List<String> triggerCodes() {
        return sorted.stream().map(CompiledTrigger::trigger).toList();
    }

    /** The terms and prefixes the compiled triggers' needs test for. */
    TermIndex terms() {
        return terms;
    }

    List<CompiledTrigger> compiled() {
        return sorted;
    }

    /**
     * The patterns of one trigger, to match on a note's tokens, each with the terms a note must contain for it to be
     * able to match (the {@code exclude} parts are {@code null} when the trigger has no exclusions). The span queries
     * the same patterns compile to ({@link #compile}) are for checking the patterns against Lucene.
     */
    record CompiledTrigger(
            String trigger,
            SpanPattern includePattern,
            TermNeed includeNeed,
            SpanPattern excludePattern,
            TermNeed excludeNeed) {}

    /**
     * A compiled piece of a pattern: its span query, the same as a pattern on a note's tokens, and what a note needs
     * for it to match.
     */
    private record Part(SpanQuery query, SpanPattern pattern, TermNeed need) {}

    private static Part or(List<Part> parts) {
        if (parts.size() == 1) {
            return parts.get(0);
        }
        return new Part(
                new SpanOrQuery(parts.stream().map(Part::query).toArray(SpanQuery[]::new)),
                SpanPattern.or(parts.stream().map(Part::pattern).toList()),
                TermNeed.any(parts.stream().map(Part::need).toList()));
    }

    /** In order, next to each other ({@code gap} 0) or with at most {@code gap} words between them. */
    private static Part near(List<Part> parts, int gap) {
        if (parts.size() == 1) {
            return parts.get(0);
        }
        return new Part(
                new SpanNearQuery(parts.stream().map(Part::query).toArray(SpanQuery[]::new), gap, true),
                SpanPattern.near(parts.stream().map(Part::pattern).toList(), gap),
                TermNeed.all(parts.stream().map(Part::need).toList()));
    }

    /** One entry's pattern as a Lucene span query; for tests that check the token patterns against Lucene. */
    static SpanQuery compile(LexiconEntry entry, Analyzer analyzer) {
        return compilePart(entry, analyzer, new TermIndex()).query();
    }

    /** One entry's pattern, to match on the tokens of notes numbered by {@code index}. */
    static SpanPattern pattern(LexiconEntry entry, Analyzer analyzer, TermIndex index) {
        return compilePart(entry, analyzer, index).pattern();
    }

    /** The terms a note needs for one entry's pattern to be able to match; for tests. */
    static TermNeed need(LexiconEntry entry, Analyzer analyzer, TermIndex index) {
        return compilePart(entry, analyzer, index).need();
    }

    private static Part compilePart(LexiconEntry entry, Analyzer analyzer, TermIndex index) {
        String pattern = entry.pattern().strip();
        List<Part> segment = new ArrayList<>();
        Part result = null;
        int pendingGap = -1;
        for (String part : parts(entry, pattern)) {
            if (part.startsWith("...")) {
                if (segment.isEmpty()) {
                    throw invalid(entry, "'...' must stand between words");
                }
                result = join(result, adjacent(segment), pendingGap);
                segment = new ArrayList<>();
                pendingGap = part.length() == 3 ? entry.window() : parseGap(entry, part);
                continue;
            }
            segment.add(slot(entry, part, analyzer, index));
        }
        if (segment.isEmpty()) {
            throw invalid(entry, "must not end with '...'");
        }
        return join(result, adjacent(segment), pendingGap);
    }

    /** Splits a pattern at white space outside parentheses. */
    private static List<String> parts(LexiconEntry entry, String pattern) {
        List<String> parts = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int depth = 0;
        for (char c : pattern.toCharArray()) {
            if (c == '(') {
                if (depth > 0) {
                    throw invalid(entry, "parentheses must not nest");
                }
                depth++;
            } else if (c == ')') {
                if (depth == 0) {
                    throw invalid(entry, "')' without '('");
                }
                depth--;
            }
            if (Character.isWhitespace(c) && depth == 0) {
                if (!current.isEmpty()) {
                    parts.add(current.toString());
                    current.setLength(0);
                }
            } else {
                current.append(c);
            }
        }
        if (depth != 0) {
            throw invalid(entry, "'(' without ')'");
        }
        if (!current.isEmpty()) {
            parts.add(current.toString());
        }
        return parts;
    }

    private static int parseGap(LexiconEntry entry, String part) {
        try {
            int gap = Integer.parseInt(part.substring(3));
            if (gap < 0 || gap > 50) {
                throw invalid(entry, "gap '" + part + "' must be between ...0 and ...50");
            }
            return gap;
        } catch (NumberFormatException e) {
            throw invalid(entry, "gap '" + part + "' must be '...' or '...N'");
        }
    }

    private static Part join(Part left, Part right, int gap) {
        return left == null ? right : near(List.of(left, right), gap);
    }

    private static Part adjacent(List<Part> slots) {
        return near(slots, 0);
    }

    private static Part slot(LexiconEntry entry, String part, Analyzer analyzer, TermIndex index) {
        if (part.startsWith("(") && part.endsWith(")")) {
            String[] alternatives = part.substring(1, part.length() - 1).split("\\|", -1);
            List<Part> queries = new ArrayList<>();
            for (String alternative : alternatives) {
                if (alternative.isBlank()) {
                    throw invalid(entry, "empty alternative in '" + part + "'");
                }
                List<Part> words = new ArrayList<>();
                for (String word : alternative.strip().split("\\s+")) {
                    words.add(word(entry, word, analyzer, index));
                }
                queries.add(adjacent(words));
            }
            return or(queries);
        }
        if (part.contains("(") || part.contains(")") || part.contains("|")) {
            throw invalid(entry, "alternatives must be written '(a|b c|d)', found '" + part + "'");
        }
        return word(entry, part, analyzer, index);
    }

    private static Part word(LexiconEntry entry, String word, Analyzer analyzer, TermIndex index) {
        boolean prefix = word.endsWith("*");
        String text = prefix ? word.substring(0, word.length() - 1) : word;
        List<String> terms = Tokens.terms(analyzer, text);
        if (terms.isEmpty()) {
            throw invalid(entry, "'" + word + "' has no word characters");
        }
        List<Part> parts = new ArrayList<>();
        for (int i = 0; i < terms.size(); i++) {
            Term term = new Term(FIELD, terms.get(i));
            boolean last = i == terms.size() - 1;
            if (prefix && last) {
                int id = index.prefix(terms.get(i));
                parts.add(new Part(
                        new SpanMultiTermQueryWrapper<>(new PrefixQuery(term)),
                        SpanPattern.term(id),
                        TermNeed.prefix(terms.get(i), id)));
            } else {
                int id = index.term(terms.get(i));
                parts.add(new Part(new SpanTermQuery(term), SpanPattern.term(id), TermNeed.term(terms.get(i), id)));
            }
        }
        return adjacent(parts);
    }

    private static ConfigurationException invalid(LexiconEntry entry, String problem) {
        return new ConfigurationException(
                "lexicon entry " + entry.trigger() + " '" + entry.pattern() + "': " + problem);
    }

    @Override
    public String toString() {
        return "Lexicon[" + entries.size() + " entries, " + sorted.size() + " triggers]";
    }

    /** Entries of one trigger, for tests and tools. */
    public List<LexiconEntry> entriesOf(String trigger) {
        Objects.requireNonNull(trigger, "trigger must not be null");
        return entries.stream().filter(e -> e.trigger().equals(trigger)).toList();
    }
}

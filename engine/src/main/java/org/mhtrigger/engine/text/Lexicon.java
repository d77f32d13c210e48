package org.mhtrigger.engine.text;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.lucene.analysis.Analyzer;
import org.mhtrigger.engine.ConfigurationException;

/**
 * The lexicon entries of every text trigger, compiled to token patterns ({@link SpanPattern}) that match as Lucene span
 * queries would: one pattern of mentions and one of exclusions per trigger. Immutable, thread-safe.
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
        PartBuilder builder = new PartBuilder(terms);
        for (LexiconEntry entry : this.entries) {
            Part part = build(entry, analyzer, builder);
            (entry.exclude() ? exclude : include)
                    .computeIfAbsent(entry.trigger(), t -> new ArrayList<>())
                    .add(part);
        }
        Map<String, CompiledTrigger> compiled = new LinkedHashMap<>();
        include.forEach((trigger, parts) -> {
            Part excluded = exclude.containsKey(trigger) ? or(exclude.get(trigger), builder) : null;
            Part included = or(parts, builder);
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
     * able to match (the {@code exclude} parts are {@code null} when the trigger has no exclusions).
     */
    record CompiledTrigger(
            String trigger,
            SpanPattern includePattern,
            TermNeed includeNeed,
            SpanPattern excludePattern,
            TermNeed excludeNeed) {}

    /**
     * What a parsed pattern is built into, part by part: the token patterns and term needs here; a test builds Lucene
     * span queries from the same parse to check the token patterns against Lucene.
     */
    interface PatternBuilder<T> {
        /** One analysed term. */
        T term(String term);

        /** Any term starting with {@code prefix}. */
        T prefix(String prefix);

        /** The parts in order, with at most {@code gap} positions between them in all (at least two parts). */
        T near(List<T> parts, int gap);

        /** Any of the parts (at least two). */
        T or(List<T> parts);
    }

    /** A compiled piece of a pattern: the pattern on a note's tokens and what a note needs for it to match. */
    private record Part(SpanPattern pattern, TermNeed need) {}

    /** Builds parts whose terms are numbered by one {@link TermIndex}. */
    private record PartBuilder(TermIndex index) implements PatternBuilder<Part> {
        @Override
        public Part term(String term) {
            int id = index.term(term);
            return new Part(SpanPattern.term(id), TermNeed.term(term, id));
        }

        @Override
        public Part prefix(String prefix) {
            int id = index.prefix(prefix);
            return new Part(SpanPattern.term(id), TermNeed.prefix(prefix, id));
        }

        @Override
        public Part near(List<Part> parts, int gap) {
            return new Part(
                    SpanPattern.near(parts.stream().map(Part::pattern).toList(), gap),
                    TermNeed.all(parts.stream().map(Part::need).toList()));
        }

        @Override
        public Part or(List<Part> parts) {
            return new Part(
                    SpanPattern.or(parts.stream().map(Part::pattern).toList()),
                    TermNeed.any(parts.stream().map(Part::need).toList()));
        }
    }

    private static <T> T or(List<T> parts, PatternBuilder<T> builder) {
        return parts.size() == 1 ? parts.get(0) : builder.or(parts);
    }

    /** In order, next to each other ({@code gap} 0) or with at most {@code gap} words between them. */
    private static <T> T near(List<T> parts, int gap, PatternBuilder<T> builder) {
        return parts.size() == 1 ? parts.get(0) : builder.near(parts, gap);
    }

    /** One entry's pattern, to match on the tokens of notes numbered by {@code index}. */
    static SpanPattern pattern(LexiconEntry entry, Analyzer analyzer, TermIndex index) {
        return build(entry, analyzer, new PartBuilder(index)).pattern();
    }

    /** The terms a note needs for one entry's pattern to be able to match; for tests. */
    static TermNeed need(LexiconEntry entry, Analyzer analyzer, TermIndex index) {
        return build(entry, analyzer, new PartBuilder(index)).need();
    }

    /**
     * Parses one entry's pattern and builds it with {@code builder}.
     *
     * @throws ConfigurationException naming the entry when its pattern cannot be parsed
     */
    static <T> T build(LexiconEntry entry, Analyzer analyzer, PatternBuilder<T> builder) {
        String pattern = entry.pattern().strip();
        List<T> segment = new ArrayList<>();
        T result = null;
        int pendingGap = -1;
        for (String part : parts(entry, pattern)) {
            if (part.startsWith("...")) {
                if (segment.isEmpty()) {
                    throw invalid(entry, "'...' must stand between words");
                }
                result = join(result, near(segment, 0, builder), pendingGap, builder);
                segment = new ArrayList<>();
                pendingGap = part.length() == 3 ? entry.window() : parseGap(entry, part);
                continue;
            }
            segment.add(slot(entry, part, analyzer, builder));
        }
        if (segment.isEmpty()) {
            throw invalid(entry, "must not end with '...'");
        }
        return join(result, near(segment, 0, builder), pendingGap, builder);
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

    private static <T> T join(T left, T right, int gap, PatternBuilder<T> builder) {
        return left == null ? right : near(List.of(left, right), gap, builder);
    }

    private static <T> T slot(LexiconEntry entry, String part, Analyzer analyzer, PatternBuilder<T> builder) {
        if (part.startsWith("(") && part.endsWith(")")) {
            String[] alternatives = part.substring(1, part.length() - 1).split("\\|", -1);
            List<T> queries = new ArrayList<>();
            for (String alternative : alternatives) {
                if (alternative.isBlank()) {
                    throw invalid(entry, "empty alternative in '" + part + "'");
                }
                List<T> words = new ArrayList<>();
                for (String word : alternative.strip().split("\\s+")) {
                    words.add(word(entry, word, analyzer, builder));
                }
                queries.add(near(words, 0, builder));
            }
            return or(queries, builder);
        }
        if (part.contains("(") || part.contains(")") || part.contains("|")) {
            throw invalid(entry, "alternatives must be written '(a|b c|d)', found '" + part + "'");
        }
        return word(entry, part, analyzer, builder);
    }

    private static <T> T word(LexiconEntry entry, String word, Analyzer analyzer, PatternBuilder<T> builder) {
        boolean prefix = word.endsWith("*");
        String text = prefix ? word.substring(0, word.length() - 1) : word;
        List<String> terms = Tokens.terms(analyzer, text);
        if (terms.isEmpty()) {
            throw invalid(entry, "'" + word + "' has no word characters");
        }
        List<T> parts = new ArrayList<>();
        for (int i = 0; i < terms.size(); i++) {
            boolean last = i == terms.size() - 1;
            parts.add(prefix && last ? builder.prefix(terms.get(i)) : builder.term(terms.get(i)));
        }
        return near(parts, 0, builder);
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

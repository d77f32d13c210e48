package org.mhtrigger.engine.text;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.mhtrigger.engine.record.Note;
import org.mhtrigger.engine.record.StayRecord;
import org.mhtrigger.engine.record.TextSpan;
import org.mhtrigger.engine.screen.Assertion;
import org.mhtrigger.engine.screen.TextHit;
import org.mhtrigger.engine.screen.TextMatcher;

/**
 * Finds trigger mentions in notes with the lexicon's span patterns, matched on the tokens of each note's one analysis
 * as Lucene's span queries would match them in a one-document index, and classifies each mention's context. Every
 * mention is returned, affirmed or not, with exact offsets into the decoded note text and its sentence as evidence.
 * Thread-safe.
 */
public final class LuceneTextMatcher implements TextMatcher {
    private final Analyzer analyzer;
    private final Lexicon lexicon;
    private final ContextClassifier classifier;
    private final SentenceSplitter splitter;
    private final List<SectionRule> sections;
    private final Pattern sectionHeader;
    /** No header has a line terminator in it, so header matches can be looked for at line starts only. */
    private final boolean headersWithinLines;

    public LuceneTextMatcher(Lexicon lexicon, ContextRules context, SentenceSplitter splitter, Analyzer analyzer) {
        this.lexicon = Objects.requireNonNull(lexicon, "lexicon must not be null");
        this.splitter = Objects.requireNonNull(splitter, "splitter must not be null");
        this.analyzer = Objects.requireNonNull(analyzer, "analyzer must not be null");
        this.classifier = new ContextClassifier(context, analyzer);
        this.sections = context.sections().stream()
                .sorted(Comparator.comparingInt((SectionRule s) -> -s.header().length()))
                .toList();
        this.sectionHeader = sections.isEmpty() ? null : headerPattern(sections);
        this.headersWithinLines =
                sections.stream().noneMatch(s -> s.header().chars().anyMatch(LuceneTextMatcher::isLineTerminator));
    }

    /** A matcher with the pretrained sentence model and the clinical analysis chain. */
    public static LuceneTextMatcher create(List<LexiconEntry> entries, ContextRules context) {
        ClinicalAnalyzer analyzer = new ClinicalAnalyzer();
        return new LuceneTextMatcher(new Lexicon(entries, analyzer), context, SentenceSplitter.pretrained(), analyzer);
    }

    public Lexicon lexicon() {
        return lexicon;
    }

    @Override
    public List<TextHit> match(StayRecord record) {
        List<TextHit> hits = new ArrayList<>();
        for (Note note : record.notes()) {
            hits.addAll(match(note, record.stay().admitted(), record.stay().offset()));
        }
        return hits;
    }

    /** Every mention in one note of a stay that began at {@code admitted}, days read in UTC, in offset order. */
    public List<TextHit> match(Note note, Instant admitted) {
        return match(note, admitted, ZoneOffset.UTC);
    }

    /**
     * Every mention in one note of a stay that began at {@code admitted}, in offset order; dates written in the note
     * are compared with the day of admission at the stay's {@code offset}.
     */
    public List<TextHit> match(Note note, Instant admitted, ZoneOffset offset) {
        String text = note.text();
        if (text.isBlank()) {
            return List.of();
        }
        NoteTerms terms = NoteTerms.of(analyzer, Lexicon.FIELD, text, lexicon.terms());
        List<Lexicon.CompiledTrigger> candidates = new ArrayList<>();
        for (Lexicon.CompiledTrigger trigger : lexicon.compiled()) {
            if (trigger.includeNeed().metBy(terms)) {
                candidates.add(trigger);
            }
        }
        if (candidates.isEmpty()) {
            return List.of(); // no pattern can match: skip the index, the sentence model and the context rules
        }
        // the sentences of each line with a mention, by line start: a sentence never runs over a line break, and
        // most lines of a note with a mention have none
        Map<Integer, List<TextSpan>> lineSentences = new HashMap<>();
        List<Section> noteSections = null;
        List<TextHit> hits = new ArrayList<>();
        for (Lexicon.CompiledTrigger trigger : candidates) {
            // the spans of the trigger's span queries, found on the tokens of the analysis above
            List<TextSpan> mentions = trigger.includePattern().spans(terms);
            if (mentions.isEmpty()) {
                continue;
            }
            List<TextSpan> excluded =
                    trigger.excludePattern() == null || !trigger.excludeNeed().metBy(terms)
                            ? List.of()
                            : trigger.excludePattern().spans(terms);
            for (TextSpan mention : merged(mentions)) {
                if (excluded.stream().anyMatch(mention::overlaps)) {
                    continue;
                }
                int lineStart = text.lastIndexOf('\n', mention.start() - 1) + 1;
                List<TextSpan> sentences =
                        lineSentences.computeIfAbsent(lineStart, start -> splitter.splitLine(text, start));
                TextSpan sentence = sentenceOf(sentences, mention);
                if (sentence == null) {
                    continue; // a pattern stretched across a sentence boundary: not one statement
                }
                MentionContext context =
                        classifier.assess(text, sentence, mention, trigger.trigger(), note.time(), admitted, offset);
                Assertion assertion = context.assertion();
                String reason = assertion == Assertion.AFFIRMED
                        ? ""
                        : context.decidedBy().describe();
                if (assertion == Assertion.AFFIRMED) {
                    if (noteSections == null) {
                        noteSections = sections(text);
                    }
                    Section section = sectionOf(noteSections, mention.start());
                    if (section != null) {
                        assertion = section.assertion;
                        reason = assertion.label() + " by section '" + section.header + "'";
                    }
                }
                hits.add(new TextHit(
                        trigger.trigger(),
                        note.source(),
                        mention,
                        text.substring(sentence.start(), sentence.end()),
                        assertion,
                        note.time(),
                        reason));
            }
        }
        hits.sort(Comparator.comparingInt((TextHit h) -> h.span().start()).thenComparing(TextHit::trigger));
        return hits;
    }

    /** Spans matched by {@code pattern} alone in {@code text}: for checking one lexicon entry. */
    public List<TextSpan> find(LexiconEntry entry, String text) {
        TermIndex index = new TermIndex();
        SpanPattern pattern = Lexicon.pattern(entry, analyzer, index);
        return pattern.spans(NoteTerms.of(analyzer, Lexicon.FIELD, text, index));
    }

    /**
     * Overlapping mentions of one trigger become one covering them all ("Category 2 pressure" and "pressure ulcer" are
     * "Category 2 pressure ulcer"), so the evidence shows the whole phrase.
     */
    private static List<TextSpan> merged(List<TextSpan> spans) {
        List<TextSpan> sorted = new ArrayList<>(spans);
        sorted.sort(Comparator.comparingInt(TextSpan::start).thenComparingInt(TextSpan::end));
        List<TextSpan> kept = new ArrayList<>();
        for (TextSpan span : sorted) {
            TextSpan last = kept.isEmpty() ? null : kept.get(kept.size() - 1);
            if (last != null && last.overlaps(span)) {
                kept.set(kept.size() - 1, new TextSpan(last.start(), Math.max(last.end(), span.end())));
            } else {
                kept.add(span);
            }
        }
        return kept;
    }

    private static TextSpan sentenceOf(List<TextSpan> sentences, TextSpan mention) {
        for (TextSpan sentence : sentences) {
            if (sentence.start() <= mention.start() && mention.end() <= sentence.end()) {
                return sentence;
            }
            if (sentence.start() > mention.start()) {
                break;
            }
        }
        return null;
    }

    private record Section(int start, int end, Assertion assertion, String header) {}

    static Pattern headerPattern(List<SectionRule> sections) {
        StringBuilder alternatives = new StringBuilder();
        for (SectionRule rule : sections) {
            if (!alternatives.isEmpty()) {
                alternatives.append('|');
            }
            alternatives.append(Pattern.quote(rule.header().strip()));
        }
        return Pattern.compile(
                "^[ \\t]*(?:[-*\\u2022][ \\t]*)?(" + alternatives + ")[ \\t]*[:\\-\\u2013]",
                Pattern.CASE_INSENSITIVE | Pattern.MULTILINE);
    }

    /** Sections with a non-neutral assertion: from a header to the next header or blank line. */
    private List<Section> sections(String text) {
        if (sectionHeader == null) {
            return List.of();
        }
        List<MatchResult> headers = headersWithinLines
                ? atLineStarts(sectionHeader, text)
                : sectionHeader.matcher(text).results().toList();
        List<Section> found = new ArrayList<>();
        for (int i = 0; i < headers.size(); i++) {
            MatchResult header = headers.get(i);
            Assertion assertion = assertionOf(header.group(1));
            if (assertion == Assertion.AFFIRMED) {
                continue;
            }
            int end = i + 1 < headers.size() ? headers.get(i + 1).start() : text.length();
            int blank = blankLine(text, header.end(), end);
            found.add(new Section(
                    header.start(), blank, assertion, header.group(1).strip()));
        }
        return found;
    }

    /**
     * The matches of {@code pattern} in {@code text}, as {@code Matcher.find} gives them, for a pattern that starts
     * with a multi-line '^' and whose matches never hold a line terminator: only the starts of lines are tried (where
     * '^' matches: the start of the text and after a line terminator, "\r\n" counting as one, but not at the end of the
     * text), rather than every character.
     */
    static List<MatchResult> atLineStarts(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        List<MatchResult> found = new ArrayList<>();
        int length = text.length();
        int line = 0;
        while (line < length) {
            if (m.region(line, length).lookingAt()) {
                found.add(m.toMatchResult());
            }
            int end = line;
            while (end < length && !isLineTerminator(text.charAt(end))) {
                end++;
            }
            if (end >= length) {
                break;
            }
            line = end + 1;
            if (text.charAt(end) == '\r' && line < length && text.charAt(line) == '\n') {
                line++;
            }
        }
        return found;
    }

    /** A line terminator as a {@code Pattern} without {@code UNIX_LINES} knows them. */
    private static boolean isLineTerminator(int c) {
        return c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029';
    }

    private Assertion assertionOf(String header) {
        for (SectionRule rule : sections) {
            if (rule.header().strip().equalsIgnoreCase(header.strip())) {
                return rule.assertion();
            }
        }
        return Assertion.AFFIRMED;
    }

    private static int blankLine(String text, int from, int to) {
        int i = text.indexOf('\n', from);
        while (i >= 0 && i < to) {
            int next = i + 1;
            while (next < to && (text.charAt(next) == ' ' || text.charAt(next) == '\t' || text.charAt(next) == '\r')) {
                next++;
            }
            if (next < to && text.charAt(next) == '\n') {
                return i;
            }
            i = text.indexOf('\n', next);
        }
        return to;
    }

    /** The section with a non-neutral assertion holding {@code offset}, or null. */
    private static Section sectionOf(List<Section> sections, int offset) {
        for (Section section : sections) {
            if (section.start <= offset && offset < section.end) {
                return section;
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return "LuceneTextMatcher[" + lexicon + "]";
    }
}

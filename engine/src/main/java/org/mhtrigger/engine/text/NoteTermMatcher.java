package org.mhtrigger.engine.text;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.lucene.analysis.Analyzer;
import org.mhtrigger.engine.record.EncounterKind;
import org.mhtrigger.engine.record.LinkedEncounter;
import org.mhtrigger.engine.record.Note;
import org.mhtrigger.engine.record.StayRecord;
import org.mhtrigger.engine.record.TextSpan;
import org.mhtrigger.engine.screen.Assertion;
import org.mhtrigger.engine.screen.TextHit;
import org.mhtrigger.engine.screen.TextMatcher;
import org.mhtrigger.engine.text.context.ContextClassifier;
import org.mhtrigger.engine.text.context.ContextReason;
import org.mhtrigger.engine.text.context.ContextRules;
import org.mhtrigger.engine.text.context.DateOrder;
import org.mhtrigger.engine.text.context.MentionContext;
import org.mhtrigger.engine.text.context.PreviousStayDate;
import org.mhtrigger.engine.text.section.NoteSections;

/**
 * Finds trigger mentions in notes by matching the lexicon's term patterns on the tokens of each note's one analysis
 * (Lucene's analysis chain; no index and no search: the patterns match as Lucene's span queries would in a
 * one-document index, which a test checks), and classifies each mention's context. Every
 * mention is returned, affirmed or not, with exact offsets into the decoded note text and its sentence as evidence.
 * Thread-safe.
 */
public final class NoteTermMatcher implements TextMatcher {
    private final Analyzer analyzer;
    private final Lexicon lexicon;
    private final ContextClassifier classifier;
    private final SentenceSplitter splitter;
    private final NoteSections sections;
    private final DateOrder dateOrder;

    public NoteTermMatcher(Lexicon lexicon, ContextRules context, SentenceSplitter splitter, Analyzer analyzer) {
        this.lexicon = Objects.requireNonNull(lexicon, "lexicon must not be null");
        this.splitter = Objects.requireNonNull(splitter, "splitter must not be null");
        this.analyzer = Objects.requireNonNull(analyzer, "analyzer must not be null");
        this.classifier = new ContextClassifier(context, analyzer);
        this.sections = new NoteSections(context.sections());
        this.dateOrder = context.dateOrder();
    }

    /**
     * A matcher with the pretrained sentence model, which keeps sentences whole after {@code context}'s abbreviations,
     * and the clinical analysis chain.
     */
    public static NoteTermMatcher create(List<LexiconEntry> entries, ContextRules context) {
        ClinicalAnalyzer analyzer = new ClinicalAnalyzer();
        return new NoteTermMatcher(
                new Lexicon(entries, analyzer),
                context,
                SentenceSplitter.pretrained(context.abbreviations()),
                analyzer);
    }

    public Lexicon lexicon() {
        return lexicon;
    }

    /**
     * Every mention in the record's notes. A mention whose clause is dated inside an earlier psychiatric stay of the
     * patient (one of the record's other encounters) belongs to that stay: it is historical, and its reason says which
     * stay.
     */
    @Override
    public List<TextHit> match(StayRecord record) {
        List<PreviousStayDate.Stay> earlier = earlierStays(record);
        List<TextHit> hits = new ArrayList<>();
        for (Note note : record.notes()) {
            hits.addAll(match(note, record.stay().admitted(), record.stay().offset(), earlier));
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
        return match(note, admitted, offset, List.of());
    }

    /**
     * Every mention in one note of a stay that began at {@code admitted}, in offset order; a mention dated inside one
     * of the patient's {@code earlier} stays is historical, with that stay named in its reason.
     */
    public List<TextHit> match(Note note, Instant admitted, ZoneOffset offset, List<PreviousStayDate.Stay> earlier) {
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
        List<NoteSections.Section> noteSections = null;
        List<TextHit> hits = new ArrayList<>();
        for (Lexicon.CompiledTrigger trigger : candidates) {
            // the spans of the trigger's patterns, found on the tokens of the analysis above
            List<TextSpan> mentions = trigger.includePattern().spans(terms);
            if (mentions.isEmpty()) {
                continue;
            }
            List<TextSpan> excluded =
                    trigger.excludePattern() == null || !trigger.excludeNeed().metBy(terms)
                            ? List.of()
                            : trigger.excludePattern().spans(terms);
            // a pattern stretched across a sentence boundary is not one statement: left out before merging, so it
            // cannot join a mention in either sentence into one that would be left out as a whole
            List<TextSpan> inSentences = new ArrayList<>(mentions.size());
            for (TextSpan mention : mentions) {
                if (sentenceOf(sentencesAround(text, mention, lineSentences), mention) != null) {
                    inSentences.add(mention);
                }
            }
            for (TextSpan mention : merged(inSentences)) {
                if (excluded.stream().anyMatch(mention::overlaps)) {
                    continue;
                }
                TextSpan sentence = sentenceOf(sentencesAround(text, mention, lineSentences), mention);
                MentionContext context =
                        classifier.assess(text, sentence, mention, trigger.trigger(), note.time(), admitted, offset);
                Assertion assertion = context.assertion();
                String reason = assertion == Assertion.AFFIRMED
                        ? ""
                        : context.decidedBy().describe();
                if (assertion == Assertion.AFFIRMED) {
                    if (noteSections == null) {
                        noteSections = sections.of(text);
                    }
                    NoteSections.Section section = NoteSections.at(noteSections, mention.start());
                    if (section != null) {
                        assertion = section.assertion();
                        reason = assertion.label() + " by section '" + section.header() + "'";
                    }
                }
                // a date inside an earlier stay is before admission, so such a mention is historical already: say
                // which stay it belongs to
                if (!earlier.isEmpty() && assertion == Assertion.HISTORICAL) {
                    ContextReason decided = context.decidedBy();
                    TextSpan date = decided != null && decided.rule().equals("date") ? decided.span() : null;
                    PreviousStayDate dated =
                            datedInEarlierStay(text, sentence, mention, note.time(), admitted, offset, earlier, date);
                    if (dated != null) {
                        assertion = Assertion.HISTORICAL;
                        reason = "historical: " + dated.describe();
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

    /**
     * The patient's psychiatric stays that began before this one and have ended, in days at this stay's offset. A stay
     * still open (no end) is left out: its days are not known.
     */
    private static List<PreviousStayDate.Stay> earlierStays(StayRecord record) {
        List<PreviousStayDate.Stay> earlier = new ArrayList<>();
        for (LinkedEncounter other : record.otherEncounters()) {
            if (other.kind() == EncounterKind.PSYCHIATRIC_INPATIENT
                    && other.end() != null
                    && other.start().isBefore(record.stay().admitted())) {
                earlier.add(PreviousStayDate.Stay.of(
                        other.start(), other.end(), record.stay().offset()));
            }
        }
        return earlier;
    }

    private PreviousStayDate datedInEarlierStay(
            String text,
            TextSpan sentence,
            TextSpan mention,
            Instant written,
            Instant admitted,
            ZoneOffset offset,
            List<PreviousStayDate.Stay> earlier,
            TextSpan date) {
        List<Token> tokens = Tokens.of(analyzer, text.substring(sentence.start(), sentence.end()), sentence.start());
        int first = -1;
        int last = -1;
        for (int i = 0; i < tokens.size(); i++) {
            if (tokens.get(i).end() > mention.start() && tokens.get(i).start() < mention.end()) {
                if (first < 0) {
                    first = i;
                }
                last = i + 1;
            }
        }
        if (first < 0) {
            return null;
        }
        return PreviousStayDate.find(text, tokens, first, last, written, admitted, offset, dateOrder, earlier, date);
    }

    /** The sentences of the line holding the start of {@code mention}, split once per line. */
    private List<TextSpan> sentencesAround(String text, TextSpan mention, Map<Integer, List<TextSpan>> lineSentences) {
        int lineStart = text.lastIndexOf('\n', mention.start() - 1) + 1;
        return lineSentences.computeIfAbsent(lineStart, start -> splitter.splitLine(text, start));
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

    @Override
    public String toString() {
        return "NoteTermMatcher[" + lexicon + "]";
    }
}

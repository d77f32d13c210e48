package org.mhtrigger.engine.text.context;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.mhtrigger.engine.record.TextSpan;
import org.mhtrigger.engine.screen.Assertion;
import org.mhtrigger.engine.text.Token;
import org.mhtrigger.engine.text.Tokens;

/**
 * Decides the assertion of one trigger mention from the cues in its sentence, in the manner of ConText (Harkema et
 * al., 2009): a cue's scope runs a number of words forward, backward or both, stops at a termination cue, and pseudo
 * cues hide look-alike words. A cue written with a final colon ("allergies:") is a heading: it counts only right
 * before a colon, and reaches every mention after it up to the next heading. A scope also ends at a semicolon, a
 * numbered item ("2)"), a comma followed by a new subject (", the patient remained"), and a historical one at a
 * negation ("history of deafness and denies any nausea"). A label whose value says it again ("Allergies: no known
 * allergies") takes the context of the repeat. Where cues disagree the strongest wins: policy, other experiencer,
 * negated, hypothetical, historical. With no historical cue, a date before admission in the same clause makes a mention
 * historical: a year before the admission year, a calendar date or month ({@link WrittenDates}: "on 03/01", "in
 * August", "last March") that ends before the day of admission, or a day given relative to the note ("yesterday", "3
 * days ago", "last week") that falls before it. Days are those of the stay's own UTC offset. Thread-safe.
 */
public final class ContextClassifier {
    private final Analyzer analyzer;
    /** Longest first, so that "no change" is found before "no". */
    private final List<CompiledCue> cues;
    /** Indexes into {@link #cues}, ascending, of the cues whose first word is each term. */
    private final Map<String, int[]> byFirstTerm;
    /** Indexes into {@link #cues}, ascending, of the one-word cues ending in '*' (matched as a prefix). */
    private final int[] prefixCues;

    private final DateOrder dateOrder;

    public ContextClassifier(ContextRules rules, Analyzer analyzer) {
        this.analyzer = analyzer;
        this.dateOrder = rules.dateOrder();
        List<CompiledCue> compiled = new ArrayList<>();
        for (ContextCue cue : rules.cues()) {
            String phrase = cue.phrase().strip();
            boolean header = phrase.endsWith(":") && phrase.length() > 1;
            if (header) {
                phrase = phrase.substring(0, phrase.length() - 1).strip();
            }
            boolean prefix = phrase.endsWith("*");
            List<String> terms = Tokens.terms(analyzer, prefix ? phrase.substring(0, phrase.length() - 1) : phrase);
            if (terms.isEmpty()) {
                throw new IllegalArgumentException("cue '" + cue.phrase() + "' has no word characters");
            }
            compiled.add(new CompiledCue(cue, terms.toArray(String[]::new), prefix, header, oneItem(cue)));
        }
        // cues of the same words next to each other, so that a match finds its twins right after it
        compiled.sort(Comparator.comparingInt((CompiledCue c) -> -c.terms.length)
                .thenComparing(c -> String.join(" ", c.terms) + (c.lastIsPrefix ? "*" : "") + (c.header ? ":" : "")));
        this.cues = List.copyOf(compiled);
        Map<String, List<Integer>> byFirst = new HashMap<>();
        List<Integer> prefixed = new ArrayList<>();
        for (int i = 0; i < cues.size(); i++) {
            CompiledCue cue = cues.get(i);
            if (cue.lastIsPrefix && cue.terms.length == 1) {
                prefixed.add(i);
            } else {
                byFirst.computeIfAbsent(cue.terms[0], t -> new ArrayList<>()).add(i);
            }
        }
        this.byFirstTerm = new HashMap<>();
        byFirst.forEach((term, indices) -> byFirstTerm.put(
                term, indices.stream().mapToInt(Integer::intValue).toArray()));
        this.prefixCues = prefixed.stream().mapToInt(Integer::intValue).toArray();
    }

    /**
     * The assertion of the mention at {@code mention}, inside {@code sentence} of {@code text}: the strongest of
     * {@link #assess}'s attributes.
     *
     * @param trigger the mention's trigger code, for cues that apply to some triggers only
     * @param written when the note was written, for days given relative to it
     * @param admitted when the stay began, for dated mentions
     */
    public Assertion classify(
            String text, TextSpan sentence, TextSpan mention, String trigger, Instant written, Instant admitted) {
        return assess(text, sentence, mention, trigger, written, admitted).assertion();
    }

    /**
     * Every context attribute of the mention at {@code mention}, inside {@code sentence} of {@code text}, each with
     * the cue or rule that gave it.
     *
     * @param trigger the mention's trigger code, for cues that apply to some triggers only
     * @param written when the note was written, for days given relative to it
     * @param admitted when the stay began, for dated mentions
     */
    public MentionContext assess(
            String text, TextSpan sentence, TextSpan mention, String trigger, Instant written, Instant admitted) {
        return assess(text, sentence, mention, trigger, written, admitted, ZoneOffset.UTC);
    }

    /**
     * Every context attribute of the mention, as {@link #assess(String, TextSpan, TextSpan, String, Instant,
     * Instant)}, with the days of the note and of admission taken at the stay's {@code offset}.
     */
    public MentionContext assess(
            String text,
            TextSpan sentence,
            TextSpan mention,
            String trigger,
            Instant written,
            Instant admitted,
            ZoneOffset offset) {
        List<Token> tokens = Tokens.of(analyzer, text.substring(sentence.start(), sentence.end()), sentence.start());
        int first = -1;
        int last = -1;
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (t.end() > mention.start() && t.start() < mention.end()) {
                if (first < 0) {
                    first = i;
                }
                last = i + 1;
            }
        }
        if (first < 0) {
            return MentionContext.AFFIRMED;
        }
        MentionContext context = assess(text, tokens, first, last, trigger, written, admitted, offset);
        if (context.reasons().isEmpty() && last < tokens.size() && gapHas(text, tokens, last - 1, ':')) {
            // a label whose value says it again ("Allergies: he has no known allergies") has the value's context
            int again = repeated(text, tokens, first, last);
            if (again >= 0) {
                return assess(text, tokens, again, again + last - first, trigger, written, admitted, offset);
            }
        }
        return context;
    }

    /**
     * Where the words of tokens {@code first} to {@code last} stand again after the colon that follows them, before
     * the next colon; -1 if they do not.
     */
    private static int repeated(String text, List<Token> tokens, int first, int last) {
        int length = last - first;
        for (int at = last; at + length <= tokens.size(); at++) {
            if (at > last && gapHas(text, tokens, at - 1, ':')) {
                return -1;
            }
            boolean same = true;
            for (int k = 0; k < length && same; k++) {
                same = tokens.get(at + k).term().equals(tokens.get(first + k).term());
            }
            if (same) {
                return at;
            }
        }
        return -1;
    }

    private MentionContext assess(
            String text,
            List<Token> tokens,
            int first,
            int last,
            String trigger,
            Instant written,
            Instant admitted,
            ZoneOffset offset) {
        List<CueMatch> matches = findCues(text, tokens, first, last);
        List<ContextReason> reasons = null;
        boolean historical = false;
        for (CueMatch match : matches) {
            Assertion assertion = match.cue.category().assertion();
            if (assertion == null || !match.cue.appliesTo(trigger)) {
                continue;
            }
            CueDirection direction = match.cue.direction();
            int window = match.cue.window();
            if (direction == CueDirection.VALUE || direction == CueDirection.SENTENCE) {
                boolean applies = direction == CueDirection.SENTENCE
                        ? wholeClause(text, tokens, matches, match, first, last)
                        : formValue(text, tokens, match.start, last, window);
                if (applies) {
                    if (reasons == null) {
                        reasons = new ArrayList<>(2);
                    }
                    TextSpan span = new TextSpan(
                            tokens.get(match.start).start(),
                            tokens.get(match.end - 1).end());
                    reasons.add(new ContextReason(
                            match.cue.category(),
                            direction == CueDirection.VALUE ? "form line" : "cue",
                            text.substring(span.start(), span.end()),
                            span));
                    historical |= assertion == Assertion.HISTORICAL;
                }
                continue;
            }
            // a coordinated list the mention stands in counts as one word ("denies fever, cough or rash")
            boolean forward = match.header
                    ? match.end <= first && first - match.end <= window && !labelBetween(text, tokens, match.end, first)
                    : direction != CueDirection.BACKWARD
                            && match.end <= first
                            && !(match.oneItem && commaBetween(text, tokens, match.end - 1, first))
                            && (first - match.end <= window
                                    || listStart(text, tokens, match.end, first, itemWords(match.cue)) - match.end
                                            <= window)
                            && !terminated(matches, match.end, first)
                            && !clauseBoundary(text, tokens, match.end - 1, first, true)
                            && !(assertion == Assertion.HISTORICAL
                                    && !gapHas(text, tokens, match.end - 1, ':')
                                    && negatedBetween(matches, match.end, first));
            boolean backward = !match.header
                    && direction != CueDirection.FORWARD
                    && match.start >= last
                    && (match.start - last <= window
                            || match.start - listEnd(text, tokens, last, match.start) <= window)
                    && !terminated(matches, last, match.start)
                    && !clauseBoundary(text, tokens, last - 1, match.start, false);
            if (forward || backward) {
                if (reasons == null) {
                    reasons = new ArrayList<>(2);
                }
                TextSpan span = new TextSpan(
                        tokens.get(match.start).start(),
                        tokens.get(match.end - 1).end());
                if (span.start() == span.end() && span.start() < text.length()) {
                    span = new TextSpan(span.start(), span.start() + 1); // "?OD": the word "query" is the mark
                }
                reasons.add(
                        new ContextReason(match.cue.category(), "cue", text.substring(span.start(), span.end()), span));
                historical |= assertion == Assertion.HISTORICAL;
            }
        }
        if (!historical) {
            ContextReason date = datedBeforeAdmission(text, tokens, matches, first, last, written, admitted, offset);
            if (date != null) {
                if (reasons == null) {
                    reasons = new ArrayList<>(1);
                }
                reasons.add(date);
            }
        }
        return reasons == null ? MentionContext.AFFIRMED : new MentionContext(reasons);
    }

    /**
     * Whether the cue at token {@code value} is the value of a form line whose label holds the mention ending at token
     * {@code last}: a colon right before the cue, and from the mention to it at most {@code window} words with no other
     * colon, semicolon or full stop between.
     */
    private static boolean formValue(String text, List<Token> tokens, int value, int last, int window) {
        if (value < last || value == 0 || value - last > window || !gapHas(text, tokens, value - 1, ':')) {
            return false;
        }
        for (int k = last - 1; k < value - 1; k++) {
            if (gapHas(text, tokens, k, ':') || gapHas(text, tokens, k, ';') || gapHas(text, tokens, k, '.')) {
                return false;
            }
        }
        return true;
    }

    /** A sentence-wide cue reaches the mention: no semicolon and no termination cue between, colons allowed. */
    private static boolean wholeClause(
            String text, List<Token> tokens, List<CueMatch> matches, CueMatch cue, int first, int last) {
        int from = cue.end <= first ? cue.end : last;
        int to = cue.end <= first ? first : cue.start;
        if (cue.end > first && cue.start < last) {
            return false;
        }
        for (int k = from - 1; k < to; k++) {
            if (k >= 0 && k + 1 < tokens.size() && gapHas(text, tokens, k, ';')) {
                return false;
            }
        }
        return !terminated(matches, from, to);
    }

    /**
     * A cue that governs one item, up to a comma: one ending in "to" ("wanted to", "plans to") governs one verb
     * phrase ("stated she wanted to die, transferred to ED" tells of a transfer that happened), and "status post"
     * names one procedure or event ("status post multiple back surgeries, broken iliac bolt": the bolt is a finding
     * of now). So does a negated modal ("would not", "could no longer"), which governs the bare infinitive after it:
     * "she could no longer cope, took an overdose" tells of an overdose. And a question mark before a word, read as
     * "query": "?NMS, transferred to medical ICU" queries the NMS, not the transfer.
     */
    private static boolean oneItem(ContextCue cue) {
        String phrase = cue.phrase().strip();
        if (phrase.endsWith(" to")
                || phrase.equalsIgnoreCase("status post")
                || phrase.equalsIgnoreCase("s/p")
                || phrase.equalsIgnoreCase("query")) {
            return true;
        }
        int space = phrase.indexOf(' ');
        return cue.category() == CueCategory.NEGATED
                && space > 0
                && switch (phrase.substring(0, space).toLowerCase(Locale.ROOT)) {
                    case "would", "could", "can", "should", "will", "may", "might", "must" -> true;
                    default -> false;
                };
    }

    private static boolean commaBetween(String text, List<Token> tokens, int left, int right) {
        for (int k = left; k < right; k++) {
            if (gapHas(text, tokens, k, ',')) {
                return true;
            }
        }
        return false;
    }

    /** Most words a list item may have ("weight gain of more than three pounds a day"); a longer run is a clause. */
    private static final int LIST_ITEM = 10;

    private static final int SHORT_ITEM = 4;

    /**
     * Most words an item before the mention may have for {@code cue} to reach across the list: a cue whose window is
     * at most {@link #SHORT_ITEM} words modifies a short phrase ("prior", "possible") and does not reach past a long item ("clips
     * from prior wedge resection within the right upper lobe and atelectasis"). Another experiencer is the subject of
     * every predicate coordinated after it, however long ("HCA slipped on the wet floor in the corridor and fell").
     */
    private static int itemWords(ContextCue cue) {
        return cue.window() <= SHORT_ITEM && cue.category() != CueCategory.OTHER_EXPERIENCER ? SHORT_ITEM : LIST_ITEM;
    }

    private static boolean conjunction(String term) {
        return term.equals("and") || term.equals("or") || term.equals("nor");
    }

    /** Whether the text between tokens {@code k} and {@code k + 1} holds {@code mark}. */
    private static boolean gapHas(String text, List<Token> tokens, int k, char mark) {
        int from = tokens.get(k).end();
        int to = tokens.get(k + 1).start();
        for (int c = from; c < to; c++) {
            if (text.charAt(c) == mark) {
                return true;
            }
        }
        return false;
    }

    /**
     * A clause boundary between the cue and the mention, tokens {@code left} and {@code right}: a semicolon always; a
     * colon unless it stands right after a forward cue ("Denies: self-harm") or right before a backward one, the
     * value of a form line ("Violence: nil known", "Rapid tranquillisation: none given").
     */
    private static boolean clauseBoundary(String text, List<Token> tokens, int left, int right, boolean cueLeft) {
        for (int k = left; k < right; k++) {
            if (gapHas(text, tokens, k, ';')) {
                return true;
            }
            if (k > left && enumerator(text, tokens, k)) {
                return true; // "s/p biopsy 2) large hiatal hernia": a new item of a numbered list
            }
            if (cueLeft && newSubject(text, tokens, k)) {
                return true;
            }
            if (gapHas(text, tokens, k, ':')
                    && !clockTime(tokens, k)
                    && !introducesList(tokens.get(k).term())
                    && (cueLeft ? k != left : k != right - 1)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Another heading between a heading cue and the mention, tokens {@code from} to {@code to}: a colon that is not a
     * clock time ("Allergies: penicillin; sulfa. Medications: ..." ends at "Medications:").
     */
    private static boolean labelBetween(String text, List<Token> tokens, int from, int to) {
        for (int k = from; k < to; k++) {
            if (gapHas(text, tokens, k, ':') && !clockTime(tokens, k)) {
                return true;
            }
        }
        return false;
    }

    /**
     * A negation cue between a historical cue and the mention begins a statement about now: "gives a history of
     * deafness and denies any recent nausea" does not put the nausea in the past. Not after a heading ("Social
     * history: denies alcohol"), whose entries are all background.
     */
    private static boolean negatedBetween(List<CueMatch> matches, int from, int to) {
        for (CueMatch m : matches) {
            if (m.cue.category() == CueCategory.NEGATED
                    && m.start >= from
                    && m.end <= to
                    && m.cue.direction() != CueDirection.VALUE
                    && m.cue.direction() != CueDirection.SENTENCE) {
                return true;
            }
        }
        return false;
    }

    /** Token {@code m} numbers an item of a list: one or two digits and a bracket ("1) esophagitis 2) hernia"). */
    private static boolean enumerator(String text, List<Token> tokens, int m) {
        Token token = tokens.get(m);
        String term = token.term();
        return term.length() <= 2
                && Character.isDigit(term.charAt(0))
                && (term.length() == 1 || Character.isDigit(term.charAt(1)))
                && token.end() < text.length()
                && text.charAt(token.end()) == ')';
    }

    /**
     * A comma and then a new subject ("no evidence of bleeding, the patient remained stable", ", she ..."): the clause
     * after it has a cue's words in the one before it only when listed.
     */
    private static boolean newSubject(String text, List<Token> tokens, int k) {
        if (!gapHas(text, tokens, k, ',')) {
            return false;
        }
        String next = tokens.get(k + 1).term();
        return switch (next) {
            case "he", "she", "they", "we", "patient", "pt" -> true;
            case "the" ->
                k + 2 < tokens.size()
                        && (tokens.get(k + 2).term().equals("patient")
                                || tokens.get(k + 2).term().equals("pt"));
            default -> false;
        };
    }

    /** A colon after "the following:" or "including:" opens a list that belongs to the clause before it. */
    private static boolean introducesList(String term) {
        return term.equals("following")
                || term.equals("include")
                || term.equals("includes")
                || term.equals("including");
    }

    /** Tokens {@code k} and {@code k + 1} are the hours and minutes of a time ("14:00"), not a label and its value. */
    private static boolean clockTime(List<Token> tokens, int k) {
        Token hours = tokens.get(k);
        Token minutes = tokens.get(k + 1);
        return minutes.start() == hours.end() + 1
                && Character.isDigit(hours.term().charAt(0))
                && Character.isDigit(minutes.term().charAt(0));
    }

    /**
     * The first token of the coordinated list ending in the item that starts at {@code first} ("fever, cough, or
     * rash"), not before {@code bound}: items of at most {@code itemWords} words joined by commas or and/or/nor.
     */
    private static int listStart(String text, List<Token> tokens, int bound, int first, int itemWords) {
        // the mention's own item may begin a few words before it, after a comma (", any unusual rashes"); after
        // "and" those words more often begin a clause of their own ("and later pt tied a ligature")
        int start = first;
        while (start > bound
                && !gapHas(text, tokens, start - 1, ',')
                && !conjunction(tokens.get(start - 1).term())
                && first - start < 3) {
            start--;
        }
        if (start < first && !(start > bound && gapHas(text, tokens, start - 1, ','))) {
            return first; // not an item of a list
        }
        while (start > bound) {
            int k = start - 1;
            int itemEnd;
            if (gapHas(text, tokens, k, ',')) {
                itemEnd = k + 1;
            } else if (conjunction(tokens.get(k).term()) && k > bound) {
                itemEnd = k;
            } else {
                break;
            }
            int s = itemEnd - 1;
            while (s > bound
                    && !gapHas(text, tokens, s - 1, ',')
                    && !conjunction(tokens.get(s - 1).term())
                    && itemEnd - s < itemWords) {
                s--;
            }
            if (s > bound
                    && !gapHas(text, tokens, s - 1, ',')
                    && !conjunction(tokens.get(s - 1).term())) {
                break; // a run too long for a list item: a clause of its own
            }
            start = s;
        }
        return start;
    }

    /** The end (exclusive) of the coordinated list starting with the item that ends at {@code last}, to {@code bound}. */
    private static int listEnd(String text, List<Token> tokens, int last, int bound) {
        int end = last;
        while (end < bound) {
            int itemStart;
            if (gapHas(text, tokens, end - 1, ',')) {
                itemStart = conjunction(tokens.get(end).term()) ? end + 1 : end;
            } else if (conjunction(tokens.get(end).term())) {
                itemStart = end + 1;
            } else {
                break;
            }
            if (itemStart >= bound) {
                break;
            }
            int e = itemStart + 1;
            while (e < bound
                    && !gapHas(text, tokens, e - 1, ',')
                    && !conjunction(tokens.get(e).term())
                    && e - itemStart < LIST_ITEM) {
                e++;
            }
            if (e < bound
                    && !gapHas(text, tokens, e - 1, ',')
                    && !conjunction(tokens.get(e).term())) {
                break;
            }
            end = e;
        }
        return end;
    }

    private static boolean terminated(List<CueMatch> matches, int from, int to) {
        for (CueMatch m : matches) {
            if (m.cue.category() == CueCategory.TERMINATE && m.start >= from && m.end <= to) {
                return true;
            }
        }
        return false;
    }

    /**
     * A date before admission in the mention's clause (between the nearest termination cues and semicolons), or null.
     */
    private ContextReason datedBeforeAdmission(
            String text,
            List<Token> tokens,
            List<CueMatch> matches,
            int first,
            int last,
            Instant written,
            Instant admitted,
            ZoneOffset offset) {
        int from = 0;
        int to = tokens.size();
        for (CueMatch m : matches) {
            if (m.cue.category() != CueCategory.TERMINATE) {
                continue;
            }
            if (m.end <= first) {
                from = Math.max(from, m.end);
            } else if (m.start >= last) {
                to = Math.min(to, m.start);
            }
        }
        // a semicolon ends the clause too: "stopped in 2022 due to weight gain; clozapine held today"
        for (int k = first - 1; k >= from && k >= 0; k--) {
            if (gapHas(text, tokens, k, ';')) {
                from = k + 1;
                break;
            }
        }
        for (int k = last - 1; k + 1 < to; k++) {
            if (gapHas(text, tokens, k, ';')) {
                to = k + 1;
                break;
            }
        }
        LocalDate admissionDay = LocalDate.ofInstant(admitted, offset);
        LocalDate noteDay = LocalDate.ofInstant(written, offset);
        String admission = " before admission " + admissionDay;
        for (int i = from; i < to; i++) {
            String term = tokens.get(i).term();
            WrittenDates.Found date = WrittenDates.at(text, tokens, i, from, to, noteDay, dateOrder);
            if (date != null) {
                if (date.last().isBefore(admissionDay)) {
                    TextSpan span = new TextSpan(
                            tokens.get(date.startToken()).start(),
                            tokens.get(date.endToken() - 1).end());
                    String read = date.first().equals(date.last())
                            ? date.first().toString()
                            : DateTimeFormatter.ofPattern("yyyy-MM").format(date.first());
                    return new ContextReason(
                            CueCategory.HISTORICAL,
                            "date",
                            text.substring(span.start(), span.end()),
                            span,
                            "(" + read + ")" + admission);
                }
                i = date.endToken() - 1;
                continue;
            }
            if (isYear(term) && writtenAsYear(text, tokens, i) && Integer.parseInt(term) < admissionDay.getYear()) {
                TextSpan span =
                        new TextSpan(tokens.get(i).start(), tokens.get(i).end());
                return new ContextReason(CueCategory.HISTORICAL, "date", term, span, admission);
            }
            int daysBack = daysBefore(tokens, i, to);
            if (daysBack > 0 && noteDay.minusDays(daysBack).isBefore(admissionDay)) {
                TextSpan span =
                        new TextSpan(tokens.get(i).start(), tokens.get(i).end());
                return new ContextReason(
                        CueCategory.HISTORICAL,
                        "date",
                        text.substring(span.start(), span.end()),
                        span,
                        "(" + noteDay.minusDays(daysBack) + ")" + admission);
            }
        }
        return null;
    }

    /**
     * Whether a four-digit number that could be a year is written as one: after "in", "since", "during" and the like,
     * in brackets ("x2 (2017, 2020)"), before "admission" ("her 2023 admission") or a few words after "last" ("last
     * seizure 2021"). Notes write clock times the same way ("called 1920", "at 2015", "given
     * 2020"), so a bare number is a time.
     */
    private static boolean writtenAsYear(String text, List<Token> tokens, int i) {
        int start = tokens.get(i).start();
        int from = i > 0 ? tokens.get(i - 1).end() : Math.max(0, start - 2);
        for (int c = from; c < start; c++) {
            if (text.charAt(c) == '(') {
                return true;
            }
        }
        if (i + 1 < tokens.size()) {
            switch (tokens.get(i + 1).term()) {
                case "admission", "admissions", "stay", "hospitalization", "hospitalisation", "episode" -> {
                    return true; // "during her 2023 admission"
                }
                default -> {}
            }
        }
        if (i == 0) {
            return false;
        }
        for (int k = Math.max(0, i - 3); k < i - 1; k++) {
            String term = tokens.get(k).term();
            if (term.equals("last") || term.equals("previous") || term.equals("prior")) {
                return true; // "last seizure 2021"
            }
        }
        return switch (tokens.get(i - 1).term()) {
            case "in",
                    "since",
                    "during",
                    "year",
                    "circa",
                    "until",
                    "till",
                    "before",
                    "of",
                    "early",
                    "mid",
                    "late",
                    "summer",
                    "winter",
                    "spring",
                    "autumn",
                    "fall" -> true;
            default -> WrittenDates.isYear(tokens.get(i - 1).term()) && gapHas(text, tokens, i - 1, ',');
        };
    }

    private static boolean isYear(String term) {
        return term.length() == 4
                && (term.startsWith("19") || term.startsWith("20"))
                && term.chars().allMatch(Character::isDigit);
    }

    /** Days before the note named at token {@code i}: "yesterday", "N days/weeks ago", "a week ago", "last week". */
    private static int daysBefore(List<Token> tokens, int i, int to) {
        String term = tokens.get(i).term();
        if (term.equals("yesterday")) {
            return 1;
        }
        if (term.equals("last") && i + 1 < to && tokens.get(i + 1).term().equals("week")) {
            return 7;
        }
        if (i + 2 < to && tokens.get(i + 2).term().equals("ago")) {
            String unit = tokens.get(i + 1).term();
            int count = term.equals("a") || term.equals("one") ? 1 : parseSmall(term);
            if (count > 0 && (unit.equals("day") || unit.equals("days"))) {
                return count;
            }
            if (count > 0 && (unit.equals("week") || unit.equals("weeks"))) {
                return 7 * count;
            }
        }
        return 0;
    }

    private static int parseSmall(String term) {
        if (term.isEmpty() || term.length() > 3 || !term.chars().allMatch(Character::isDigit)) {
            return switch (term) {
                case "two" -> 2;
                case "three" -> 3;
                case "four" -> 4;
                case "five" -> 5;
                case "six" -> 6;
                case "few", "several" -> 3;
                default -> 0;
            };
        }
        return Integer.parseInt(term);
    }

    /** Cue occurrences, longest first at each position, none overlapping each other or the mention. */
    private List<CueMatch> findCues(String text, List<Token> tokens, int mentionFirst, int mentionLast) {
        List<CueMatch> found = new ArrayList<>();
        int i = 0;
        int[] none = new int[0];
        while (i < tokens.size()) {
            // the first cue in {@link #cues} order that matches here: candidates by first word, and prefix cues
            CompiledCue hit = null;
            int best = Integer.MAX_VALUE;
            for (int index : byFirstTerm.getOrDefault(tokens.get(i).term(), none)) {
                if (fits(cues.get(index), text, tokens, i, mentionFirst, mentionLast)) {
                    best = index;
                    break;
                }
            }
            for (int index : prefixCues) {
                if (index >= best) {
                    break;
                }
                if (fits(cues.get(index), text, tokens, i, mentionFirst, mentionLast)) {
                    best = index;
                    break;
                }
            }
            if (best != Integer.MAX_VALUE) {
                hit = cues.get(best);
            }
            if (hit == null) {
                i++;
            } else {
                found.add(new CueMatch(i, hit));
                // the same words may be cues of more than one kind ("no" before a word, and as a form line's value)
                for (int twin = best + 1; twin < cues.size() && cues.get(twin).sameWords(hit); twin++) {
                    found.add(new CueMatch(i, cues.get(twin)));
                }
                i += hit.terms.length;
            }
        }
        return found;
    }

    /** The cue matches at token {@code i} without overlapping the mention. */
    private static boolean fits(
            CompiledCue cue, String text, List<Token> tokens, int i, int mentionFirst, int mentionLast) {
        int end = i + cue.terms.length;
        if (end > tokens.size() || (i < mentionLast && end > mentionFirst)) {
            return false;
        }
        return cue.matches(tokens, i) && (!cue.header || (end < tokens.size() && gapHas(text, tokens, end - 1, ':')));
    }

    /**
     * @param header the cue is a heading: it matches only right before a colon ("Allergies: ...")
     * @param oneItem the cue's forward scope stops at a comma ({@link #oneItem(ContextCue)})
     */
    private record CompiledCue(ContextCue cue, String[] terms, boolean lastIsPrefix, boolean header, boolean oneItem) {
        boolean sameWords(CompiledCue other) {
            return lastIsPrefix == other.lastIsPrefix
                    && header == other.header
                    && java.util.Arrays.equals(terms, other.terms);
        }

        boolean matches(List<Token> tokens, int at) {
            for (int k = 0; k < terms.length; k++) {
                String term = tokens.get(at + k).term();
                boolean prefix = lastIsPrefix && k == terms.length - 1;
                if (prefix ? !term.startsWith(terms[k]) : !term.equals(terms[k])) {
                    return false;
                }
            }
            return true;
        }
    }

    private record CueMatch(int start, int end, ContextCue cue, boolean header, boolean oneItem) {
        CueMatch(int start, CompiledCue compiled) {
            this(start, start + compiled.terms.length, compiled.cue, compiled.header, compiled.oneItem);
        }
    }
}

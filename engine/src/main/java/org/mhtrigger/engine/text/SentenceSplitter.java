package org.mhtrigger.engine.text;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import opennlp.tools.sentdetect.SentenceDetectorME;
import opennlp.tools.sentdetect.SentenceModel;
import opennlp.tools.util.Span;
import org.mhtrigger.engine.ConfigurationException;
import org.mhtrigger.engine.record.TextSpan;

/**
 * Splits note text into sentences. Ward notes are lists and lines as often as prose, so line breaks always end a
 * sentence, and inside a line an OpenNLP sentence model finds the rest. The pretrained English model splits after
 * ward abbreviations ("Obs. | maintained", "approx. | 2 staff"), so a split right after one of the splitter's
 * {@link #abbreviations()} is undone. Thread-safe: the model is shared and each thread gets its own detector
 * (OpenNLP's {@code *ME} tools are not thread-safe).
 */
public final class SentenceSplitter {
    /** The pretrained English sentence model (UD English Web Treebank) from {@code opennlp-models-sentdetect-en}. */
    public static final String PRETRAINED_MODEL = "/opennlp-en-ud-ewt-sentence-1.3-2.5.4.bin";

    private static final Pattern ABBREVIATION = Pattern.compile("[a-z]+");

    private final ThreadLocal<SentenceDetectorME> detector;
    private final Set<String> abbreviations;

    /**
     * A splitter with {@code model} that keeps a sentence whole after any of {@code abbreviations}.
     *
     * @param abbreviations lower-case letters without their dots ({@code "ie"} for "i.e."); may be empty
     * @throws IllegalArgumentException naming the abbreviation when one is not lower-case letters
     */
    public SentenceSplitter(SentenceModel model, Set<String> abbreviations) {
        Objects.requireNonNull(model, "model must not be null");
        for (String abbreviation : abbreviations) {
            if (!ABBREVIATION.matcher(abbreviation).matches()) {
                throw new IllegalArgumentException(
                        "abbreviation '" + abbreviation + "' must be lower-case letters without dots");
            }
        }
        this.abbreviations = Set.copyOf(abbreviations);
        this.detector = ThreadLocal.withInitial(() -> new SentenceDetectorME(model));
    }

    /**
     * A splitter with the pretrained English model on the classpath and {@code abbreviations} (the product's list is
     * the rule configuration's {@code clinical-abbreviations.csv}, passed in through {@link
     * org.mhtrigger.engine.text.context.ContextRules#abbreviations()}).
     */
    public static SentenceSplitter pretrained(Set<String> abbreviations) {
        try (InputStream in = SentenceSplitter.class.getResourceAsStream(PRETRAINED_MODEL)) {
            if (in == null) {
                throw new ConfigurationException("sentence model " + PRETRAINED_MODEL
                        + " is not on the classpath (dependency opennlp-models-sentdetect-en missing?)");
            }
            return new SentenceSplitter(new SentenceModel(in), abbreviations);
        } catch (IOException e) {
            throw new ConfigurationException("cannot load sentence model " + PRETRAINED_MODEL, e);
        }
    }

    /** The abbreviations after which a full stop does not end a sentence. */
    public Set<String> abbreviations() {
        return abbreviations;
    }

    /** Sentence spans in text order, trimmed of surrounding white space; blank lines give none. */
    public List<TextSpan> split(String text) {
        List<TextSpan> sentences = new ArrayList<>();
        SentenceDetectorME sentenceDetector = detector.get();
        int lineStart = 0;
        while (lineStart <= text.length()) {
            int lineEnd = text.indexOf('\n', lineStart);
            if (lineEnd < 0) {
                lineEnd = text.length();
            }
            splitLine(sentenceDetector, text, lineStart, lineEnd, sentences);
            lineStart = lineEnd + 1;
        }
        return sentences;
    }

    /**
     * The sentences of the line starting at {@code lineStart} (0 or just after a line break) alone, as {@link #split}
     * gives them: a sentence never runs over a line break, so a mention on this line can only be part of one of these.
     */
    public List<TextSpan> splitLine(String text, int lineStart) {
        int lineEnd = text.indexOf('\n', lineStart);
        if (lineEnd < 0) {
            lineEnd = text.length();
        }
        List<TextSpan> sentences = new ArrayList<>();
        splitLine(detector.get(), text, lineStart, lineEnd, sentences);
        return sentences;
    }

    private void splitLine(
            SentenceDetectorME sentenceDetector, String text, int lineStart, int lineEnd, List<TextSpan> sentences) {
        int start = skipSpace(text, lineStart, lineEnd);
        int end = trimEnd(text, start, lineEnd);
        if (start >= end) {
            return;
        }
        String line = text.substring(start, end);
        TextSpan pending = null;
        for (Span span : sentenceDetector.sentPosDetect(line)) {
            int s = skipSpace(text, start + span.getStart(), start + span.getEnd());
            int e = trimEnd(text, s, start + span.getEnd());
            if (s >= e) {
                continue;
            }
            if (pending != null && (endsWithAbbreviation(text, pending) || endsWithInitial(text, pending, s))) {
                pending = new TextSpan(pending.start(), e);
                continue;
            }
            if (pending != null) {
                sentences.add(pending);
            }
            pending = new TextSpan(s, e);
        }
        if (pending != null) {
            sentences.add(pending);
        }
    }

    /** Whether the sentence ends in "word." where word (dots removed) is a known abbreviation. */
    private boolean endsWithAbbreviation(String text, TextSpan sentence) {
        int end = sentence.end();
        if (text.charAt(end - 1) != '.') {
            return false;
        }
        int start = end - 1;
        while (start > sentence.start() && !Character.isWhitespace(text.charAt(start - 1))) {
            start--;
        }
        String word = text.substring(start, end).replace(".", "").toLowerCase(Locale.ROOT);
        return abbreviations.contains(word);
    }

    /**
     * Whether the sentence ends in a single letter and a full stop and the next one starts in lower case: the genus
     * initial of an organism ("C. diff", "E. coli", "H. pylori"), not the end of a sentence ("Temp 37.2 C. Pt settled"
     * stays split).
     */
    private static boolean endsWithInitial(String text, TextSpan sentence, int next) {
        int end = sentence.end();
        if (end - sentence.start() < 2
                || text.charAt(end - 1) != '.'
                || !Character.isLetter(text.charAt(end - 2))
                || next >= text.length()
                || !Character.isLowerCase(text.charAt(next))) {
            return false;
        }
        return end - 2 == sentence.start() || !Character.isLetterOrDigit(text.charAt(end - 3));
    }

    private static int skipSpace(String text, int from, int to) {
        int i = from;
        while (i < to && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return i;
    }

    private static int trimEnd(String text, int from, int to) {
        int i = to;
        while (i > from && Character.isWhitespace(text.charAt(i - 1))) {
            i--;
        }
        return i;
    }
}

package org.mhtrigger.engine.text;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import opennlp.tools.sentdetect.SentenceDetectorME;
import opennlp.tools.sentdetect.SentenceModel;
import opennlp.tools.util.Span;
import org.mhtrigger.engine.ConfigurationException;
import org.mhtrigger.engine.record.TextSpan;

/**
 * Splits note text into sentences. Ward notes are lists and lines as often as prose, so line breaks always end a
 * sentence, and inside a line an OpenNLP sentence model finds the rest. Thread-safe: the model is shared and each
 * thread gets its own detector (OpenNLP's {@code *ME} tools are not thread-safe).
 */
public final class SentenceSplitter {
    /** The pretrained English sentence model (UD English Web Treebank) from {@code opennlp-models-sentdetect-en}. */
    public static final String PRETRAINED_MODEL = "/opennlp-en-ud-ewt-sentence-1.3-2.5.4.bin";

    private final ThreadLocal<SentenceDetectorME> detector;

    public SentenceSplitter(SentenceModel model) {
        Objects.requireNonNull(model, "model must not be null");
        this.detector = ThreadLocal.withInitial(() -> new SentenceDetectorME(model));
    }

    /** A splitter with the pretrained English model on the classpath. */
    public static SentenceSplitter pretrained() {
        try (InputStream in = SentenceSplitter.class.getResourceAsStream(PRETRAINED_MODEL)) {
            if (in == null) {
                throw new ConfigurationException("sentence model " + PRETRAINED_MODEL
                        + " is not on the classpath (dependency opennlp-models-sentdetect-en missing?)");
            }
            return new SentenceSplitter(new SentenceModel(in));
        } catch (IOException e) {
            throw new ConfigurationException("cannot load sentence model " + PRETRAINED_MODEL, e);
        }
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
            int start = skipSpace(text, lineStart, lineEnd);
            int end = trimEnd(text, start, lineEnd);
            if (start < end) {
                String line = text.substring(start, end);
                for (Span span : sentenceDetector.sentPosDetect(line)) {
                    int s = skipSpace(text, start + span.getStart(), start + span.getEnd());
                    int e = trimEnd(text, s, start + span.getEnd());
                    if (s < e) {
                        sentences.add(new TextSpan(s, e));
                    }
                }
            }
            lineStart = lineEnd + 1;
        }
        return sentences;
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

package org.mhtrigger.engine.text.section;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.mhtrigger.engine.screen.Assertion;

/**
 * The sections of a note whose header says how to read what is under it ("Past psychiatric history:" makes a mention
 * historical): a section runs from its header, at the start of a line and followed by ':' or '-', to the next known
 * header or a blank line. Thread-safe.
 */
public final class NoteSections {
    private final List<SectionRule> sections;
    private final Pattern sectionHeader;
    /** No header has a line terminator in it, so header matches can be looked for at line starts only. */
    private final boolean headersWithinLines;

    public NoteSections(List<SectionRule> rules) {
        this.sections = rules.stream()
                .sorted(Comparator.comparingInt((SectionRule s) -> -s.header().length()))
                .toList();
        this.sectionHeader = sections.isEmpty() ? null : headerPattern(sections);
        this.headersWithinLines =
                sections.stream().noneMatch(s -> s.header().chars().anyMatch(NoteSections::isLineTerminator));
    }

    /** A section with a non-neutral assertion: from its header to the next header or blank line. */
    public record Section(int start, int end, Assertion assertion, String header) {}

    public static Pattern headerPattern(List<SectionRule> sections) {
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
    public List<Section> of(String text) {
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
    public static List<MatchResult> atLineStarts(Pattern pattern, String text) {
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
    public static Section at(List<Section> sections, int offset) {
        for (Section section : sections) {
            if (section.start() <= offset && offset < section.end()) {
                return section;
            }
        }
        return null;
    }
}

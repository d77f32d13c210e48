package org.mhtrigger.corpus.internal;

import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.mhtrigger.engine.screen.Assertion;

/**
 * A note being written: sections of blocks, each block a sentence or line that may carry marked trigger phrases.
 * Rendering turns it into plain text and exact mention offsets. Not thread-safe.
 */
final class NoteDraft {
    enum Kind {
        ADMISSION,
        NURSING,
        WARD_ROUND,
        MEDICAL_REVIEW,
        INCIDENT,
        DISCHARGE,
        CARE_PLAN,
        RISK_ASSESSMENT
    }

    /** A line of text with optional «markers»; {@code trigger}/{@code assertion} apply to unprefixed markers. */
    record Block(String text, String trigger, Assertion assertion) {}

    private record Section(String key, String header, List<Block> blocks) {}

    /** Creation order within the stay; notes get their ids only when their final order is known. */
    final int serial;

    Kind kind;
    final ZonedDateTime time;
    private final List<Section> sections = new ArrayList<>();
    boolean hasEvent;
    /** Bullet or run-on style, chosen once per note. */
    private final String bullet;

    private final boolean runOn;

    NoteDraft(int serial, Kind kind, ZonedDateTime time, SplittableRandom random) {
        this.serial = serial;
        this.kind = kind;
        this.time = time;
        this.bullet = Seeds.pick(random, "- ", "- ", "* ", "", "o ");
        this.runOn = kind == Kind.NURSING && random.nextDouble() < 0.5;
    }

    /** A title line, then the free-text body under no header. */
    void titleAndBody(String title) {
        section("title", title);
        section("body", null);
    }

    void section(String key, String header) {
        sections.add(new Section(key, header, new ArrayList<>()));
    }

    /** Replaces the title line (a routine nursing note that turned into an incident note). */
    void retitle(String title) {
        for (int i = 0; i < sections.size(); i++) {
            if (sections.get(i).key().equals("title")) {
                sections.set(i, new Section("title", title, sections.get(i).blocks()));
            }
        }
    }

    boolean hasSection(String key) {
        return sections.stream().anyMatch(s -> s.key().equals(key));
    }

    /** Adds a line to the named section, or to the body when the note has no such section. */
    void add(String key, Block block) {
        target(key).blocks().add(block);
    }

    /** Inserts a line at a random position of the named section (events interleave with routine text). */
    void insert(String key, Block block, SplittableRandom random) {
        List<Block> blocks = target(key).blocks();
        blocks.add(blocks.isEmpty() ? 0 : random.nextInt(blocks.size() + 1), block);
    }

    private Section target(String key) {
        for (String candidate : new String[] {key, "body", "progress", "hpc"}) {
            for (Section section : sections) {
                if (section.key().equals(candidate)) {
                    return section;
                }
            }
        }
        return sections.get(sections.size() - 1);
    }

    /** The text, and the mentions with offsets into it. */
    Rendered render() {
        StringBuilder text = new StringBuilder();
        List<Mention> mentions = new ArrayList<>();
        for (Section section : sections) {
            if (section.blocks().isEmpty()
                    && section.header() != null
                    && section.header().endsWith(":")) {
                continue;
            }
            if (section.header() != null) {
                text.append(section.header()).append('\n');
            }
            for (int i = 0; i < section.blocks().size(); i++) {
                Block block = section.blocks().get(i);
                boolean inline = runOn && section.key().equals("body");
                boolean dashed = block.text().startsWith("- ");
                if (!inline && !dashed) {
                    text.append(section.header() != null && section.header().endsWith(":") ? bullet : "");
                }
                if (inline && block.text().endsWith(".") && !block.text().endsWith("»")) {
                    block = new Block(
                            block.text().substring(0, block.text().length() - 1), block.trigger(), block.assertion());
                }
                append(text, block, mentions);
                if (inline && i < section.blocks().size() - 1) {
                    text.append(". ");
                } else {
                    text.append('\n');
                }
            }
            if (section.header() != null && !section.key().equals("title")) {
                text.append('\n');
            }
        }
        while (text.length() > 0 && text.charAt(text.length() - 1) == '\n') {
            text.setLength(text.length() - 1);
        }
        text.append('\n');
        return new Rendered(text.toString(), List.copyOf(mentions));
    }

    private void append(StringBuilder text, Block block, List<Mention> mentions) {
        String raw = block.text();
        int i = 0;
        while (i < raw.length()) {
            char c = raw.charAt(i);
            if (c != '«') {
                text.append(c);
                i++;
                continue;
            }
            int close = raw.indexOf('»', i);
            String inner = raw.substring(i + 1, close);
            String trigger = block.trigger();
            Assertion assertion = block.assertion();
            int bang = inner.indexOf('!');
            if (inner.startsWith("MH-") && bang > 0) {
                String prefix = inner.substring(0, bang);
                inner = inner.substring(bang + 1);
                int slash = prefix.indexOf('/');
                trigger = slash < 0 ? prefix : prefix.substring(0, slash);
                if (slash >= 0) {
                    assertion = assertionOf(prefix.substring(slash + 1));
                }
            }
            int start = text.length();
            text.append(inner);
            if (trigger != null) {
                mentions.add(new Mention("", start, text.length(), trigger, assertion, inner));
                if (trigger.equals("MH-B02")) {
                    // a suicide attempt is also self-harm (docs/spec/triggers.md clarification)
                    mentions.add(new Mention("", start, text.length(), "MH-B01", assertion, inner));
                }
            }
            i = close + 1;
        }
    }

    private static Assertion assertionOf(String label) {
        for (Assertion assertion : Assertion.values()) {
            if (assertion.label().equals(label)) {
                return assertion;
            }
        }
        throw new IllegalArgumentException("unknown assertion label " + label);
    }

    record Rendered(String text, List<Mention> mentions) {}
}

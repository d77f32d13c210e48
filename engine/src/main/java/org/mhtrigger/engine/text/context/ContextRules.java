package org.mhtrigger.engine.text.context;

import java.util.List;
import java.util.Objects;
import org.mhtrigger.engine.text.section.SectionRule;

/**
 * The context cues and section rules in force, and how numeric dates in notes are read. Immutable, thread-safe.
 *
 * @param dateOrder how "03/01" is read; {@link DateOrder#DAY_FIRST} unless set
 */
public record ContextRules(List<ContextCue> cues, List<SectionRule> sections, DateOrder dateOrder) {
    public ContextRules {
        cues = List.copyOf(cues);
        sections = List.copyOf(sections);
        Objects.requireNonNull(dateOrder, "dateOrder must not be null");
    }

    /** Cues and sections, with numeric dates read day first. */
    public ContextRules(List<ContextCue> cues, List<SectionRule> sections) {
        this(cues, sections, DateOrder.DAY_FIRST);
    }
}

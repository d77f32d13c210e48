package org.mhtrigger.engine.text.context;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.mhtrigger.engine.text.section.SectionRule;

/**
 * How note text is read around a mention: the context cues and section rules in force, how numeric dates are read, and
 * the ward abbreviations after which a full stop does not end a sentence (a sentence bounds the reach of a cue).
 * Immutable, thread-safe.
 *
 * @param dateOrder how "03/01" is read; {@link DateOrder#DAY_FIRST} unless set
 * @param abbreviations lower-case, without their dots ({@code "obs"}, {@code "ie"}); none unless set (the product's
 *     list is the rule configuration's {@code clinical-abbreviations.csv})
 */
public record ContextRules(
        List<ContextCue> cues, List<SectionRule> sections, DateOrder dateOrder, Set<String> abbreviations) {
    public ContextRules {
        cues = List.copyOf(cues);
        sections = List.copyOf(sections);
        Objects.requireNonNull(dateOrder, "dateOrder must not be null");
        abbreviations = Set.copyOf(abbreviations);
    }

    /** Cues and sections, with numeric dates read as {@code dateOrder} and no abbreviations. */
    public ContextRules(List<ContextCue> cues, List<SectionRule> sections, DateOrder dateOrder) {
        this(cues, sections, dateOrder, Set.of());
    }

    /** Cues and sections, with numeric dates read day first and no abbreviations. */
    public ContextRules(List<ContextCue> cues, List<SectionRule> sections) {
        this(cues, sections, DateOrder.DAY_FIRST);
    }
}

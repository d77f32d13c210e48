package org.mhtrigger.engine.text;

import java.util.List;

/** The context cues and section rules in force. Immutable, thread-safe. */
public record ContextRules(List<ContextCue> cues, List<SectionRule> sections) {
    public ContextRules {
        cues = List.copyOf(cues);
        sections = List.copyOf(sections);
    }
}

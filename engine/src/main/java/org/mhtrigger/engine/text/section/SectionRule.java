package org.mhtrigger.engine.text.section;

import java.util.Objects;
import org.mhtrigger.engine.screen.Assertion;

/**
 * A note section by its header ("Past psychiatric history:", "FH:") and the assertion of mentions inside it. A
 * section runs from its header to the next known header or blank line. {@link Assertion#AFFIRMED} marks a neutral
 * section whose header only ends the previous one. Immutable, thread-safe.
 *
 * @param example a note line that opens with the header, its mention written in [brackets]; empty if none
 */
public record SectionRule(String header, Assertion assertion, String example) {
    public SectionRule {
        Objects.requireNonNull(header, "header must not be null");
        if (header.isBlank()) {
            throw new IllegalArgumentException("section header must not be blank");
        }
        Objects.requireNonNull(assertion, "assertion must not be null");
        example = example == null ? "" : example.strip();
    }

    /** A section without an example. */
    public SectionRule(String header, Assertion assertion) {
        this(header, assertion, "");
    }
}

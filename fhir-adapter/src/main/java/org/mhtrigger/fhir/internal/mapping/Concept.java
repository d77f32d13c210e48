package org.mhtrigger.fhir.internal.mapping;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The codes and texts of one or more FHIR CodeableConcepts, flattened for table lookup. Immutable, thread-safe.
 *
 * @param codes system and code pairs as given
 * @param texts displays and texts as given
 */
public record Concept(List<Code> codes, List<String> texts) {
    public static final Concept EMPTY = new Concept(List.of(), List.of());

    public Concept {
        codes = List.copyOf(codes);
        List<String> kept = new ArrayList<>(texts.size());
        for (String text : texts) {
            if (text != null && !text.isBlank()) {
                kept.add(text);
            }
        }
        texts = Collections.unmodifiableList(kept);
    }

    /** A code; {@code system} may be {@code ""}. */
    public record Code(String system, String code) {
        public Code {
            system = system == null ? "" : system;
            code = code == null ? "" : code;
        }

        // equals and hashCode written out, as in Concept
        @Override
        public boolean equals(Object other) {
            return this == other || other instanceof Code that && code.equals(that.code) && system.equals(that.system);
        }

        @Override
        public int hashCode() {
            return 31 * system.hashCode() + code.hashCode();
        }
    }

    /*
     * equals and hashCode written out: a record's own go through method handles, which the quick compiler that short
     * screens run on does not inline. Concepts are the keys of the mapping tables' lookup caches, and those calls
     * took 2.3% of a 10,000-stay screen's CPU samples.
     */
    @Override
    public boolean equals(Object other) {
        return this == other || other instanceof Concept that && codes.equals(that.codes) && texts.equals(that.texts);
    }

    @Override
    public int hashCode() {
        return 31 * codes.hashCode() + texts.hashCode();
    }

    public boolean isEmpty() {
        return codes.isEmpty() && texts.isEmpty();
    }

    public Concept plus(Concept other) {
        List<Code> c = new ArrayList<>(codes);
        c.addAll(other.codes);
        List<String> t = new ArrayList<>(texts);
        t.addAll(other.texts);
        return new Concept(c, t);
    }

    public Concept plusText(String text) {
        List<String> t = new ArrayList<>(texts);
        t.add(text);
        return new Concept(codes, t);
    }

    /** The first display or text, for evidence; {@code ""} if none. */
    public String firstText() {
        return texts.isEmpty() ? "" : texts.get(0);
    }
}

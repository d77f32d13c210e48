package org.mhtrigger.engine.record;

import java.time.Instant;

/**
 * A clinical note with its decoded text. Immutable, thread-safe. Never log {@link #text()}.
 *
 * @param source the resource holding the note (DocumentReference, DiagnosticReport, Composition)
 * @param type canonical note type: {@code "nursing"}, {@code "ward-round"}, {@code "medical-review"},
 *     {@code "incident"}, {@code "discharge-summary"}, {@code "care-plan"}, {@code "risk-assessment"} or
 *     {@code "other"}
 * @param time when the note was written
 * @param text the decoded note text; offsets in findings index into it
 */
public record Note(SourceRef source, String type, Instant time, String text) {
    public Note {
        Checks.require(source, "note source");
        Checks.require(time, "note time");
        Checks.require(text, "note text");
        type = type == null || type.isBlank() ? "other" : type;
    }

    public String id() {
        return source.id();
    }

    @Override
    public String toString() {
        // never print the text: it is patient data
        return "Note[" + source + ", " + type + ", " + time + ", " + text.length() + " chars]";
    }
}

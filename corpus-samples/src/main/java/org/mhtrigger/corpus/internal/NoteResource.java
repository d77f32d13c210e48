package org.mhtrigger.corpus.internal;

import java.nio.charset.StandardCharsets;
import java.time.ZonedDateTime;
import java.util.Base64;

/** The FHIR DocumentReference of one note: its text as a base64 {@code text/plain} attachment. Stateless. */
public final class NoteResource {
    private NoteResource() {}

    /**
     * A current, final note written at {@code written} in the stay {@code encounterRef} of {@code patientRef}.
     *
     * @param type the note's type concept
     * @param language the attachment's language tag ({@code en-GB}, {@code en-SG})
     */
    public static Json of(
            String id,
            Json type,
            String patientRef,
            String encounterRef,
            ZonedDateTime written,
            String language,
            String title,
            String text) {
        String data = Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
        return Json.object()
                .put("resourceType", "DocumentReference")
                .put("id", id)
                .put("status", "current")
                .put("docStatus", "final")
                .put("type", type)
                .put("subject", Fhir.reference(patientRef))
                .put("date", Fhir.instant(written))
                .put(
                        "context",
                        Json.object()
                                .add("encounter", Fhir.reference(encounterRef))
                                .put("period", Json.object().put("start", Fhir.instant(written))))
                .add(
                        "content",
                        Json.object()
                                .put(
                                        "attachment",
                                        Json.object()
                                                .put("contentType", "text/plain")
                                                .put("language", language)
                                                .put("data", data)
                                                .put("title", title)
                                                .put("creation", Fhir.instant(written))));
    }
}

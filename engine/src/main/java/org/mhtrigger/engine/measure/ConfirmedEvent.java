package org.mhtrigger.engine.measure;

import java.util.Objects;

/**
 * An event a physician confirmed when authenticating a sampled stay's review. Immutable, thread-safe.
 *
 * @param eventId key of the event
 * @param stayId the reviewed stay it was found in
 * @param trigger code of the trigger that led to it, or {@code null} when none did
 * @param outcomeClass what kind of event it is
 * @param harm harm category, or {@code null} where the class needs none (e.g. a safety incident without harm)
 */
public record ConfirmedEvent(
        String eventId, String stayId, String trigger, OutcomeClass outcomeClass, HarmCategory harm) {
    public ConfirmedEvent {
        Objects.requireNonNull(eventId, "event id must not be null");
        Objects.requireNonNull(stayId, "stay id must not be null");
        Objects.requireNonNull(outcomeClass, "outcome class must not be null");
        trigger = trigger == null || trigger.isBlank() ? null : trigger;
    }

    /** An adverse event or adverse drug event in harm categories E–I: what the harm rates count. */
    public boolean isHarmEvent() {
        return outcomeClass.isAdverseEvent() && harm != null && harm.isHarm();
    }
}

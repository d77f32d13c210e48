package org.mhtrigger.engine.measure;

import java.util.Objects;
import org.mhtrigger.engine.sampling.ReviewPeriod;

/**
 * An authenticated event as it leaves the organisation in reports and exports: structured fields only, no free text,
 * no patient or stay identifier, dated by its review period only. Immutable, thread-safe.
 *
 * @param eventId key of the event in the review database (not a patient identifier)
 * @param period the review period of the sampled stay
 * @param ward the ward or unit
 * @param outcomeClass what kind of event
 * @param harm harm category, or {@code null} where the class needs none
 * @param trigger code of the trigger that led to it, or {@code null}
 * @param triggerName the trigger's name, or {@code null}
 * @param presentOnAdmission whether it was present on admission
 * @param preventability yes, no or unknown
 */
public record EventSummary(
        String eventId,
        ReviewPeriod period,
        String ward,
        OutcomeClass outcomeClass,
        HarmCategory harm,
        String trigger,
        String triggerName,
        boolean presentOnAdmission,
        String preventability) {
    public EventSummary {
        Objects.requireNonNull(eventId, "event id must not be null");
        Objects.requireNonNull(period, "period must not be null");
        Objects.requireNonNull(outcomeClass, "outcome class must not be null");
        ward = ward == null ? "" : ward;
        preventability = preventability == null || preventability.isBlank() ? "unknown" : preventability;
        trigger = trigger == null || trigger.isBlank() ? null : trigger;
    }

    /** One line for a board report: "2026-03 · Ward A · Adverse drug event · harm F · MH-L01 Lithium high · ...". */
    public String line() {
        StringBuilder line = new StringBuilder()
                .append(period.label())
                .append(" · ")
                .append(ward.isEmpty() ? "ward not recorded" : ward)
                .append(" · ")
                .append(outcomeClass.label());
        if (harm != null) {
            line.append(" · harm ").append(harm.name());
        }
        if (trigger != null) {
            line.append(" · ").append(trigger);
            if (triggerName != null && !triggerName.isBlank()) {
                line.append(' ').append(triggerName);
            }
        }
        line.append(" · present on admission: ").append(presentOnAdmission ? "yes" : "no");
        line.append(" · preventable: ").append(preventability);
        return line.toString();
    }
}

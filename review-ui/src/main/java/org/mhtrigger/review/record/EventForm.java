package org.mhtrigger.review.record;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.mhtrigger.engine.measure.HarmCategory;
import org.mhtrigger.review.store.OutcomeClass;
import org.mhtrigger.review.store.ReviewService.EventInput;

/**
 * What a reviewer typed into an event form, kept as typed so that a form with a mistake is shown again with every
 * value in place and the error beside its field. Validated here, at the page's boundary, with messages that say what
 * to do; {@link EventInput} checks the same rules again. Not thread-safe (one per request).
 *
 * @param eventId the event being changed, {@code null} for a new event
 */
public record EventForm(
        Long eventId,
        String trigger,
        String outcomeClass,
        String description,
        String harmCategory,
        boolean presentOnAdmission,
        String preventability,
        boolean withdraw,
        String reason,
        Map<String, String> errors) {
    /** The longest description the store keeps. */
    public static final int MAX_DESCRIPTION = 4000;

    public EventForm {
        trigger = trigger == null ? "" : trigger.strip();
        outcomeClass = outcomeClass == null ? "" : outcomeClass.strip();
        description = description == null ? "" : description;
        harmCategory = harmCategory == null ? "" : harmCategory.strip();
        preventability = preventability == null || preventability.isBlank() ? "unknown" : preventability.strip();
        reason = reason == null ? "" : reason;
        errors = new LinkedHashMap<>(errors);
    }

    /**
     * The form as posted: {@code eventId} null for a new event; {@code fields} the request's parameters (trigger,
     * outcomeClass, description, harmCategory, presentOnAdmission, preventability, withdraw, reason; a checkbox is
     * ticked when its value is "true" or "on"). Not yet validated.
     */
    public static EventForm posted(Long eventId, Map<String, String> fields) {
        return new EventForm(
                eventId,
                fields.get("trigger"),
                fields.get("outcomeClass"),
                fields.get("description"),
                fields.get("harmCategory"),
                ticked(fields.get("presentOnAdmission")),
                fields.get("preventability"),
                eventId != null && ticked(fields.get("withdraw")),
                fields.get("reason"),
                Map.of());
    }

    private static boolean ticked(String value) {
        return "true".equals(value) || "on".equals(value);
    }

    /** An empty new-event form: the first outcome class chosen, nothing else. */
    public static EventForm blank() {
        return new EventForm(null, "", OutcomeClass.values()[0].name(), "", "", false, "unknown", false, "", Map.of());
    }

    /**
     * Checks the form; returns it with an error per field that needs one. {@code needsReason}: the record was already
     * submitted, so a change needs a reason. {@code triggers}: the catalogue codes.
     */
    public EventForm validated(boolean needsReason, Collection<String> triggers) {
        Map<String, String> found = new LinkedHashMap<>();
        if (!trigger.isEmpty() && !triggers.contains(trigger)) {
            found.put("trigger", "Choose a trigger from the list, or none.");
        }
        OutcomeClass outcome = outcome();
        if (outcome == null) {
            found.put("outcomeClass", "Choose the outcome class.");
        }
        if (description.isBlank()) {
            found.put("description", "Describe what happened: the description is required.");
        } else if (description.strip().length() > MAX_DESCRIPTION) {
            found.put(
                    "description",
                    "Shorten the description to at most 4,000 characters (it has "
                            + description.strip().length() + ").");
        }
        if (harmCategory.isEmpty()) {
            if (outcome != null && outcome.needsHarmCategory()) {
                found.put(
                        "harmCategory",
                        "Choose a harm category E–I: " + outcome.label().toLowerCase(java.util.Locale.ROOT)
                                + "s need one.");
            }
        } else if (!HARMS.contains(harmCategory)) {
            found.put("harmCategory", "Choose a harm category from E to I.");
        }
        if (!List.of("yes", "no", "unknown").contains(preventability)) {
            found.put("preventability", "Choose yes, no or unknown.");
        }
        if (needsReason && reason.isBlank()) {
            found.put("reason", "Give a reason for the change: the record was already submitted.");
        }
        return withErrors(found);
    }

    private static final Set<String> HARMS =
            Set.copyOf(HarmCategory.harms().stream().map(HarmCategory::name).toList());

    /** The same form with these errors. */
    public EventForm withErrors(Map<String, String> errors) {
        return new EventForm(
                eventId,
                trigger,
                outcomeClass,
                description,
                harmCategory,
                presentOnAdmission,
                preventability,
                withdraw,
                reason,
                errors);
    }

    /** The same form with an error about the whole form (shown above it), e.g. a rule the store refused. */
    public EventForm withFormError(String message) {
        Map<String, String> all = new LinkedHashMap<>(errors);
        all.put("form", message);
        return withErrors(all);
    }

    public boolean valid() {
        return errors.isEmpty();
    }

    public boolean hasError(String field) {
        return errors.containsKey(field);
    }

    public String error(String field) {
        return errors.get(field);
    }

    /** The chosen outcome class, or null when none or an unknown one was sent. */
    public OutcomeClass outcome() {
        for (OutcomeClass value : OutcomeClass.values()) {
            if (value.name().equals(outcomeClass)) {
                return value;
            }
        }
        return null;
    }

    /** The input for the store; only for a {@linkplain #valid() valid} form. */
    public EventInput input() {
        return new EventInput(
                trigger.isEmpty() ? null : trigger,
                outcome(),
                description,
                harmCategory,
                presentOnAdmission,
                preventability);
    }
}

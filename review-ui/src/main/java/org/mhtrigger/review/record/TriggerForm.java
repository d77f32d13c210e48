package org.mhtrigger.review.record;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a reviewer typed to add a trigger the engine missed, kept as typed so that a form with a mistake is shown
 * again with the error beside its field. Not thread-safe (one per request).
 */
public record TriggerForm(String trigger, String evidence, String reason, Map<String, String> errors) {
    public TriggerForm {
        trigger = trigger == null ? "" : trigger.strip();
        evidence = evidence == null ? "" : evidence;
        reason = reason == null ? "" : reason;
        errors = new LinkedHashMap<>(errors);
    }

    public static TriggerForm blank() {
        return new TriggerForm("", "", "", Map.of());
    }

    /** Checks the form; returns it with an error per field that needs one. */
    public TriggerForm validated(boolean needsReason, Collection<String> triggers) {
        Map<String, String> found = new LinkedHashMap<>();
        if (!triggers.contains(trigger)) {
            found.put("trigger", "Choose a trigger from the catalogue.");
        }
        if (evidence.isBlank()) {
            found.put("evidence", "Say where the trigger is seen (note, date, value): this is required.");
        } else if (evidence.strip().length() > 4000) {
            found.put("evidence", "Shorten this to at most 4,000 characters.");
        }
        if (needsReason && reason.isBlank()) {
            found.put("reason", "Give a reason for the change: the record was already submitted.");
        }
        return new TriggerForm(trigger, evidence, reason, found);
    }

    public TriggerForm withFormError(String message) {
        Map<String, String> all = new LinkedHashMap<>(errors);
        all.put("form", message);
        return new TriggerForm(trigger, evidence, reason, all);
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
}

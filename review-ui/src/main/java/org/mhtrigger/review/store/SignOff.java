package org.mhtrigger.review.store;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.mhtrigger.review.store.ReviewService.EventInput;
import org.mhtrigger.review.store.ReviewService.EventView;

/**
 * The physician's sign-off of one record (docs/spec/method.md §2, authentication), without a database: each open event is
 * confirmed as the reviewer recorded it, confirmed with a changed outcome class, harm category or preventability, or
 * rejected; a change or a rejection needs a reason. {@link #plan} checks the decisions and says, field by field, what
 * changes; {@link #meaning} words the signature. Stateless, thread-safe.
 */
public final class SignOff {
    /** Longest reason kept (the audit trail's reason column). */
    public static final int MAX_REASON = 2000;

    private SignOff() {}

    /** Confirm or reject an event. */
    public enum Decision {
        CONFIRM("confirmed"),
        REJECT("rejected");

        private final String status;

        Decision(String status) {
            this.status = status;
        }

        /** The event's status after the decision. */
        public String status() {
            return status;
        }

        /** Reads {@code confirmed}/{@code confirm} or {@code rejected}/{@code reject}. */
        public static Decision parse(String text) {
            return switch (text == null ? "" : text.strip()) {
                case "confirmed", "confirm" -> CONFIRM;
                case "rejected", "reject" -> REJECT;
                default -> throw new IllegalArgumentException("decision '" + text + "' must be confirmed or rejected");
            };
        }
    }

    /**
     * The physician's decision on one event. A null {@code outcomeClass}, {@code harmCategory} or {@code
     * preventability} keeps the reviewer's value; an empty harm category means "not applicable".
     */
    public record EventDecision(
            long eventId,
            Decision decision,
            OutcomeClass outcomeClass,
            String harmCategory,
            String preventability,
            String reason) {
        public EventDecision {
            Objects.requireNonNull(decision, "decision must not be null");
            reason = reason == null || reason.isBlank() ? null : reason.strip();
            if (reason != null && reason.length() > MAX_REASON) {
                throw new IllegalArgumentException(
                        "reason for event " + eventId + " must be at most " + MAX_REASON + " characters");
            }
            harmCategory = harmCategory == null ? null : harmCategory.strip();
            preventability = preventability == null || preventability.isBlank() ? null : preventability.strip();
        }

        public static EventDecision confirm(long eventId) {
            return new EventDecision(eventId, Decision.CONFIRM, null, null, null, null);
        }

        public static EventDecision reject(long eventId, String reason) {
            return new EventDecision(eventId, Decision.REJECT, null, null, null, reason);
        }
    }

    /** One field the physician changed, as the audit trail shows it. */
    public record FieldChange(String field, String oldValue, String newValue) {}

    /** What becomes of one event: its values after sign-off, its status, the fields changed and the reason. */
    public record EventOutcome(
            EventView before, EventInput after, Decision decision, List<FieldChange> changes, String reason) {
        public EventOutcome {
            changes = List.copyOf(changes);
        }
    }

    /**
     * Checks the decisions against the record's open events (those not withdrawn): every one needs a decision, no
     * decision may name another event, a rejection or a change needs a reason, and changed values must make a valid
     * event (an adverse event keeps a harm category E-I). On a rejection the reviewer's values stay as they are.
     *
     * @throws IllegalArgumentException naming the event and what is missing or wrong
     */
    public static List<EventOutcome> plan(List<EventView> open, List<EventDecision> decisions) {
        Map<Long, EventDecision> byEvent = new java.util.HashMap<>();
        Set<Long> openIds = new HashSet<>();
        open.forEach(e -> openIds.add(e.id()));
        for (EventDecision decision : decisions) {
            if (!openIds.contains(decision.eventId())) {
                throw new IllegalArgumentException("event " + decision.eventId() + " is not open on this record");
            }
            if (byEvent.put(decision.eventId(), decision) != null) {
                throw new IllegalArgumentException("event " + decision.eventId() + " has two decisions");
            }
        }
        List<EventOutcome> outcomes = new ArrayList<>();
        for (EventView event : open) {
            EventDecision decision = byEvent.get(event.id());
            if (decision == null) {
                throw new IllegalArgumentException("event " + event.id() + " needs a decision: confirm or reject it");
            }
            EventInput before = event.input();
            if (decision.decision() == Decision.REJECT) {
                if (decision.reason() == null) {
                    throw new IllegalArgumentException("event " + event.id() + ": give a reason for rejecting it");
                }
                outcomes.add(new EventOutcome(event, before, Decision.REJECT, List.of(), decision.reason()));
                continue;
            }
            EventInput after;
            try {
                after = new EventInput(
                        event.trigger(),
                        decision.outcomeClass() == null ? event.outcomeClass() : decision.outcomeClass(),
                        event.description(),
                        decision.harmCategory() == null ? event.harmCategory() : decision.harmCategory(),
                        event.presentOnAdmission(),
                        decision.preventability() == null ? event.preventability() : decision.preventability());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("event " + event.id() + ": " + e.getMessage(), e);
            }
            List<FieldChange> changes = new ArrayList<>();
            change(
                    changes,
                    "outcome class",
                    before.outcomeClass().label(),
                    after.outcomeClass().label());
            change(changes, "harm category", orNull(before.harmCategory()), orNull(after.harmCategory()));
            change(changes, "preventability", before.preventability(), after.preventability());
            if (!changes.isEmpty() && decision.reason() == null) {
                throw new IllegalArgumentException("event " + event.id() + ": give a reason for changing its "
                        + String.join(
                                ", ", changes.stream().map(FieldChange::field).toList()));
            }
            outcomes.add(new EventOutcome(event, after, Decision.CONFIRM, changes, decision.reason()));
        }
        return outcomes;
    }

    /**
     * The signature's meaning: "authenticated: harm E, F" over the confirmed harm categories (as changed), then the
     * confirmed events without one by class, or "authenticated: no adverse event".
     */
    public static String meaning(List<EventOutcome> outcomes) {
        TreeSet<String> harms = new TreeSet<>();
        List<String> others = new ArrayList<>();
        for (EventOutcome outcome : outcomes) {
            if (outcome.decision() != Decision.CONFIRM) {
                continue;
            }
            if (!outcome.after().harmCategory().isEmpty()) {
                harms.add(outcome.after().harmCategory());
            } else {
                others.add(outcome.after().outcomeClass().label().toLowerCase(Locale.ROOT));
            }
        }
        List<String> parts = new ArrayList<>();
        if (!harms.isEmpty()) {
            parts.add("harm " + String.join(", ", harms));
        }
        parts.addAll(others);
        return "authenticated: " + (parts.isEmpty() ? "no adverse event" : String.join("; ", parts));
    }

    private static void change(List<FieldChange> changes, String field, String before, String after) {
        if (!Objects.equals(before, after)) {
            changes.add(new FieldChange(field, before, after));
        }
    }

    private static String orNull(String text) {
        return text == null || text.isEmpty() ? null : text;
    }
}

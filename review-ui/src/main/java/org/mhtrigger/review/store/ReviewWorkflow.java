package org.mhtrigger.review.store;

import java.util.LinkedHashMap;
import java.util.Map;
import org.mhtrigger.review.store.ReviewService.EventInput;
import org.mhtrigger.review.store.ReviewService.ReviewView;
import org.springframework.security.access.AccessDeniedException;

/**
 * The review workflow's rules (docs/spec/method.md §2) without a database: who may see and change a review, which status a
 * change, a submission, a signature or a return leads to, when a reason is needed, and what a reassignment must
 * respect. {@link ReviewService} applies them inside its transactions; {@link ReviewRepository} holds the SQL.
 * Stateless, thread-safe.
 */
public final class ReviewWorkflow {
    /** Seconds one timer report may add at most: a report covers at most the last few minutes. */
    public static final long MAX_SECONDS_PER_REPORT = 15 * 60;

    /** Longest comment a physician can send back with a returned record (the audit trail's reason column). */
    public static final int MAX_COMMENT = SignOff.MAX_REASON;

    private ReviewWorkflow() {}

    /** What became of a recorded event; stored as its lower-case label. */
    public enum EventStatus {
        RECORDED,
        CONFIRMED,
        REJECTED,
        WITHDRAWN;

        /** The stored and displayed form, e.g. {@code confirmed}. */
        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        public static EventStatus parse(String label) {
            for (EventStatus status : values()) {
                if (status.label().equals(label)) {
                    return status;
                }
            }
            throw new IllegalArgumentException(
                    "event status '" + label + "' is not one of " + java.util.Arrays.toString(values()));
        }
    }

    public static void require(Caller caller, Role role) {
        if (!caller.is(role)) {
            throw new AccessDeniedException("needs role " + role.label());
        }
    }

    /**
     * A reviewer sees the reviews assigned to them; a physician a first review once submitted (or after returning
     * it), and after the consensus of a double review, a second review never; a safety lead every review; an admin
     * none.
     */
    public static boolean maySee(Caller caller, ReviewView review) {
        return switch (caller.role()) {
            case REVIEWER -> caller.username().equals(review.reviewer());
            case PHYSICIAN ->
                review.status().openToPhysician() && !review.isSecondReview() && !review.awaitingConsensus();
            case SAFETY_LEAD -> true;
            case ADMIN -> false;
        };
    }

    public static void requireView(Caller caller, ReviewView review) {
        if (!maySee(caller, review)) {
            throw new AccessDeniedException("record not open to this account");
        }
    }

    /** Only the assigned reviewer changes a review. */
    public static boolean mayEdit(Caller caller, ReviewView review) {
        return caller.is(Role.REVIEWER) && caller.username().equals(review.reviewer());
    }

    public static void requireEdit(Caller caller, ReviewView review) {
        if (!mayEdit(caller, review)) {
            throw new AccessDeniedException("only the assigned reviewer changes a review");
        }
    }

    /** After submission (with the physician or signed) a change needs a reason. */
    public static void requireReasonAfterSubmission(ReviewStatus status, String reason) {
        if (status.submitted() && (reason == null || reason.isBlank())) {
            throw new IllegalArgumentException("this record was already submitted: give a reason for the change");
        }
    }

    /**
     * The status after a reviewer's change: work starts ("in progress"), a submitted record stays submitted, a signed
     * one is "changed since signature" until signed again, a returned one stays returned until submitted again.
     */
    public static ReviewStatus nextOnChange(ReviewStatus status) {
        return switch (status) {
            case ASSIGNED, IN_PROGRESS -> ReviewStatus.IN_PROGRESS;
            case SUBMITTED -> ReviewStatus.SUBMITTED;
            case RETURNED -> ReviewStatus.RETURNED;
            case AUTHENTICATED, CHANGED_SINCE_SIGNATURE -> ReviewStatus.CHANGED_SINCE_SIGNATURE;
        };
    }

    /** A review is submitted from assigned, in progress or returned. */
    public static void requireSubmittable(ReviewView review) {
        if (review.status().submitted()) {
            throw new IllegalStateException(
                    "review " + review.id() + " is already " + review.status().label());
        }
    }

    /** A physician signs a submitted or changed record. */
    public static void requireSignable(Caller caller, ReviewView review) {
        require(caller, Role.PHYSICIAN);
        if (!review.status().awaitingSignature()) {
            throw new IllegalStateException("review " + review.id() + " is "
                    + review.status().label() + "; only a submitted or changed record can be signed");
        }
    }

    /** A physician returns a record awaiting signature to its reviewer, with a comment; returns the comment. */
    public static String requireReturnable(Caller caller, ReviewView review, String comment) {
        require(caller, Role.PHYSICIAN);
        if (!review.status().awaitingSignature()) {
            throw new IllegalStateException("review " + review.id() + " is "
                    + review.status().label() + "; only a record awaiting signature can be returned");
        }
        String text = comment == null ? "" : comment.strip();
        if (text.isEmpty()) {
            throw new IllegalArgumentException("say what the reviewer should look at (the comment must not be empty)");
        }
        if (text.length() > MAX_COMMENT) {
            throw new IllegalArgumentException("the comment must be at most " + MAX_COMMENT + " characters");
        }
        if (review.reviewer() == null) {
            throw new IllegalStateException("review " + review.id() + " has no reviewer to return it to");
        }
        return text;
    }

    /**
     * A record moves to another reviewer only while it is with a reviewer, and never to the reviewer of the other
     * review of its double review ({@code pairedReviewer}, null if none).
     */
    public static void requireReassignable(ReviewView review, String to, String pairedReviewer) {
        if (!review.status().withReviewer()) {
            throw new IllegalStateException(
                    "record " + review.encounterId() + " is " + review.status().label()
                            + "; only records not yet submitted can be reassigned. Nothing was changed.");
        }
        if (to.equals(pairedReviewer)) {
            throw new IllegalStateException("record " + review.encounterId() + " has a double review by " + to
                    + "; its two reviews need two different reviewers. Nothing was changed.");
        }
    }

    /** The seconds one timer report may add: negative reports add nothing, long ones at most a quarter of an hour. */
    public static long timerSeconds(long seconds) {
        return Math.max(0, Math.min(seconds, MAX_SECONDS_PER_REPORT));
    }

    /** An event's fields as the audit trail names and shows them. */
    public static Map<String, Object> fields(EventInput input) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("trigger", input.trigger());
        fields.put("outcome class", input.outcomeClass().label());
        fields.put("description", input.description());
        fields.put("harm category", input.harmCategory().isEmpty() ? null : input.harmCategory());
        fields.put("present on admission", input.presentOnAdmission() ? "yes" : "no");
        fields.put("preventability", input.preventability());
        return fields;
    }
}

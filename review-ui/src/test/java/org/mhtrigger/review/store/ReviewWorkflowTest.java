package org.mhtrigger.review.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.mhtrigger.review.store.ReviewService.ReviewView;
import org.springframework.security.access.AccessDeniedException;

/** The review workflow's rules (who sees, who changes, where a status leads), without a database. */
class ReviewWorkflowTest {
    private static final Caller ANN = new Caller("ann", "Ann", Role.REVIEWER);
    private static final Caller BOB = new Caller("bob", "Bob", Role.REVIEWER);
    private static final Caller DOC = new Caller("doc", "Dr Doc", Role.PHYSICIAN);
    private static final Caller LEAD = new Caller("lead", "Lee", Role.SAFETY_LEAD);
    private static final Caller ADMIN = new Caller("root", "Ria", Role.ADMIN);

    private static ReviewView review(ReviewStatus status, Long secondOf, boolean awaitingConsensus) {
        return new ReviewView(
                7,
                1,
                "2025-03",
                3,
                "e-7",
                "Ward 6",
                0,
                "ann",
                status,
                0,
                4,
                secondOf,
                awaitingConsensus,
                2,
                LocalDate.of(2025, 5, 1),
                null,
                null,
                null);
    }

    private static ReviewView review(ReviewStatus status) {
        return review(status, null, false);
    }

    @ParameterizedTest
    @EnumSource(ReviewStatus.class)
    void theAssignedReviewerAndTheLeadSeeEveryStatus_anotherReviewerAndAnAdminNone(ReviewStatus status) {
        assertThat(ReviewWorkflow.maySee(ANN, review(status))).isTrue();
        assertThat(ReviewWorkflow.maySee(LEAD, review(status))).isTrue();
        assertThat(ReviewWorkflow.maySee(BOB, review(status))).isFalse();
        assertThat(ReviewWorkflow.maySee(ADMIN, review(status))).isFalse();
    }

    @Test
    void aPhysicianSeesARecordOnceSubmitted_orReturned_butNeverASecondReviewOrOneAwaitingConsensus() {
        assertThat(ReviewWorkflow.maySee(DOC, review(ReviewStatus.ASSIGNED))).isFalse();
        assertThat(ReviewWorkflow.maySee(DOC, review(ReviewStatus.IN_PROGRESS))).isFalse();
        assertThat(ReviewWorkflow.maySee(DOC, review(ReviewStatus.SUBMITTED))).isTrue();
        assertThat(ReviewWorkflow.maySee(DOC, review(ReviewStatus.RETURNED))).isTrue();
        assertThat(ReviewWorkflow.maySee(DOC, review(ReviewStatus.AUTHENTICATED)))
                .isTrue();
        assertThat(ReviewWorkflow.maySee(DOC, review(ReviewStatus.SUBMITTED, 3L, false)))
                .isFalse();
        assertThat(ReviewWorkflow.maySee(DOC, review(ReviewStatus.SUBMITTED, null, true)))
                .isFalse();
        assertThatThrownBy(() -> ReviewWorkflow.requireView(DOC, review(ReviewStatus.ASSIGNED)))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void onlyTheAssignedReviewerEdits() {
        assertThat(ReviewWorkflow.mayEdit(ANN, review(ReviewStatus.IN_PROGRESS)))
                .isTrue();
        for (Caller other : new Caller[] {BOB, DOC, LEAD, ADMIN}) {
            assertThat(ReviewWorkflow.mayEdit(other, review(ReviewStatus.IN_PROGRESS)))
                    .as(other.username())
                    .isFalse();
        }
    }

    @Test
    void aChangeMovesWorkOn_keepsSubmittedAndReturned_andMarksASignedRecordChanged() {
        assertThat(ReviewWorkflow.nextOnChange(ReviewStatus.ASSIGNED)).isEqualTo(ReviewStatus.IN_PROGRESS);
        assertThat(ReviewWorkflow.nextOnChange(ReviewStatus.IN_PROGRESS)).isEqualTo(ReviewStatus.IN_PROGRESS);
        assertThat(ReviewWorkflow.nextOnChange(ReviewStatus.SUBMITTED)).isEqualTo(ReviewStatus.SUBMITTED);
        assertThat(ReviewWorkflow.nextOnChange(ReviewStatus.RETURNED)).isEqualTo(ReviewStatus.RETURNED);
        assertThat(ReviewWorkflow.nextOnChange(ReviewStatus.AUTHENTICATED))
                .isEqualTo(ReviewStatus.CHANGED_SINCE_SIGNATURE);
        assertThat(ReviewWorkflow.nextOnChange(ReviewStatus.CHANGED_SINCE_SIGNATURE))
                .isEqualTo(ReviewStatus.CHANGED_SINCE_SIGNATURE);
    }

    @Test
    void aReasonIsNeededOnlyWhileTheRecordIsSubmittedOrSigned() {
        ReviewWorkflow.requireReasonAfterSubmission(ReviewStatus.IN_PROGRESS, null);
        ReviewWorkflow.requireReasonAfterSubmission(ReviewStatus.RETURNED, null);
        assertThatThrownBy(() -> ReviewWorkflow.requireReasonAfterSubmission(ReviewStatus.AUTHENTICATED, " "))
                .hasMessage("this record was already submitted: give a reason for the change");
    }

    @Test
    void submission_isFromAssignedInProgressOrReturned() {
        ReviewWorkflow.requireSubmittable(review(ReviewStatus.RETURNED));
        assertThatThrownBy(() -> ReviewWorkflow.requireSubmittable(review(ReviewStatus.SUBMITTED)))
                .hasMessage("review 7 is already submitted, awaiting signature");
    }

    @Test
    void signingAndReturning_needAPhysicianAndARecordAwaitingSignature() {
        ReviewWorkflow.requireSignable(DOC, review(ReviewStatus.CHANGED_SINCE_SIGNATURE));
        assertThatThrownBy(() -> ReviewWorkflow.requireSignable(LEAD, review(ReviewStatus.SUBMITTED)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> ReviewWorkflow.requireSignable(DOC, review(ReviewStatus.RETURNED)))
                .hasMessage("review 7 is returned to reviewer; only a submitted or changed record can be signed");
        assertThat(ReviewWorkflow.requireReturnable(DOC, review(ReviewStatus.SUBMITTED), "  look again "))
                .isEqualTo("look again");
        assertThatThrownBy(() -> ReviewWorkflow.requireReturnable(DOC, review(ReviewStatus.SUBMITTED), ""))
                .hasMessage("say what the reviewer should look at (the comment must not be empty)");
        assertThatThrownBy(() -> ReviewWorkflow.requireReturnable(
                        DOC, review(ReviewStatus.SUBMITTED), "x".repeat(ReviewWorkflow.MAX_COMMENT + 1)))
                .hasMessage("the comment must be at most 2000 characters");
    }

    @Test
    void reassignment_onlyWhileWithTheReviewer_andNeverToTheOtherReviewerOfADoubleReview() {
        ReviewWorkflow.requireReassignable(review(ReviewStatus.RETURNED), "bob", null);
        assertThatThrownBy(() -> ReviewWorkflow.requireReassignable(review(ReviewStatus.SUBMITTED), "bob", null))
                .hasMessageStartingWith("record e-7 is submitted, awaiting signature; only records not yet submitted");
        assertThatThrownBy(() -> ReviewWorkflow.requireReassignable(review(ReviewStatus.ASSIGNED), "bob", "bob"))
                .hasMessageStartingWith("record e-7 has a double review by bob");
    }

    @Test
    void timerReports_addNothingNegative_andAtMostAQuarterOfAnHour() {
        assertThat(ReviewWorkflow.timerSeconds(-5)).isZero();
        assertThat(ReviewWorkflow.timerSeconds(42)).isEqualTo(42);
        assertThat(ReviewWorkflow.timerSeconds(10_000)).isEqualTo(900);
    }

    @Test
    void eventStatuses_readAndWriteTheirStoredLabels() {
        for (ReviewWorkflow.EventStatus status : ReviewWorkflow.EventStatus.values()) {
            assertThat(ReviewWorkflow.EventStatus.parse(status.label())).isEqualTo(status);
        }
        assertThat(ReviewWorkflow.EventStatus.CONFIRMED.label()).isEqualTo("confirmed");
        assertThatThrownBy(() -> ReviewWorkflow.EventStatus.parse("lost")).isInstanceOf(IllegalArgumentException.class);
    }
}

package org.mhtrigger.review.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mhtrigger.review.store.ReviewService.EventView;
import org.mhtrigger.review.store.SignOff.Decision;
import org.mhtrigger.review.store.SignOff.EventDecision;

/** The physician's sign-off rules, without a database. */
class SignOffTest {
    private static EventView event(long id, OutcomeClass outcome, String harm, String preventability) {
        return new EventView(
                id,
                1,
                "MH-C01",
                outcome,
                "fall",
                harm,
                false,
                preventability,
                ReviewWorkflow.EventStatus.RECORDED,
                "ann",
                Instant.EPOCH,
                0);
    }

    private static final EventView FALL_F = event(10, OutcomeClass.ADVERSE_EVENT, "F", "yes");
    private static final EventView GAP = event(11, OutcomeClass.QUALITY_OF_CARE, "", "unknown");

    @Test
    void confirmingAsRecorded_changesNothing_andNeedsNoReason() {
        List<SignOff.EventOutcome> plan =
                SignOff.plan(List.of(FALL_F, GAP), List.of(EventDecision.confirm(10), EventDecision.confirm(11)));

        assertThat(plan).allSatisfy(o -> assertThat(o.changes()).isEmpty());
        assertThat(SignOff.meaning(plan)).isEqualTo("authenticated: harm F; quality-of-care finding");
    }

    @Test
    void changingTheHarmCategory_listsTheFieldWithOldAndNewValue_andTheMeaningUsesTheNewOne() {
        List<SignOff.EventOutcome> plan = SignOff.plan(
                List.of(FALL_F),
                List.of(new EventDecision(10, Decision.CONFIRM, null, "E", "yes", "only a sprain on X-ray")));

        assertThat(plan.getFirst().changes()).containsExactly(new SignOff.FieldChange("harm category", "F", "E"));
        assertThat(plan.getFirst().reason()).isEqualTo("only a sprain on X-ray");
        assertThat(SignOff.meaning(plan)).isEqualTo("authenticated: harm E");
    }

    @Test
    void changingTheOutcomeClass_toOneWithoutHarm_canClearTheCategory() {
        List<SignOff.EventOutcome> plan = SignOff.plan(
                List.of(FALL_F),
                List.of(new EventDecision(
                        10, Decision.CONFIRM, OutcomeClass.QUALITY_OF_CARE, "", null, "no harm, a care gap")));

        assertThat(plan.getFirst().changes())
                .extracting(SignOff.FieldChange::field)
                .containsExactly("outcome class", "harm category");
        assertThat(SignOff.meaning(plan)).isEqualTo("authenticated: quality-of-care finding");
    }

    @Test
    void anAdverseEventWithoutACategory_isRefused_namingTheEvent() {
        assertThatThrownBy(() -> SignOff.plan(
                        List.of(FALL_F), List.of(new EventDecision(10, Decision.CONFIRM, null, "", null, "why"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("event 10: Adverse event needs a harm category E-I");
    }

    @Test
    void aChangeWithoutReason_andARejectionWithoutReason_areRefused() {
        assertThatThrownBy(() -> SignOff.plan(
                        List.of(FALL_F), List.of(new EventDecision(10, Decision.CONFIRM, null, "G", "no", null))))
                .hasMessage("event 10: give a reason for changing its harm category, preventability");
        assertThatThrownBy(() -> SignOff.plan(List.of(FALL_F), List.of(EventDecision.reject(10, "  "))))
                .hasMessage("event 10: give a reason for rejecting it");
    }

    @Test
    void rejection_keepsTheReviewersValues_andLeavesTheEventOutOfTheMeaning() {
        List<SignOff.EventOutcome> plan = SignOff.plan(
                List.of(FALL_F), List.of(new EventDecision(10, Decision.REJECT, null, "G", null, "not from care")));

        assertThat(plan.getFirst().after().harmCategory()).isEqualTo("F");
        assertThat(plan.getFirst().changes()).isEmpty();
        assertThat(SignOff.meaning(plan)).isEqualTo("authenticated: no adverse event");
    }

    @Test
    void everyOpenEventNeedsOneDecision_andNoDecisionMayNameAnotherEvent() {
        assertThatThrownBy(() -> SignOff.plan(List.of(FALL_F, GAP), List.of(EventDecision.confirm(10))))
                .hasMessage("event 11 needs a decision: confirm or reject it");
        assertThatThrownBy(() -> SignOff.plan(List.of(FALL_F), List.of(EventDecision.confirm(99))))
                .hasMessage("event 99 is not open on this record");
        assertThatThrownBy(() ->
                        SignOff.plan(List.of(FALL_F), List.of(EventDecision.confirm(10), EventDecision.confirm(10))))
                .hasMessage("event 10 has two decisions");
        assertThatThrownBy(() -> Decision.parse("maybe")).hasMessage("decision 'maybe' must be confirmed or rejected");
    }
}

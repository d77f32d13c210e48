package org.mhtrigger.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mhtrigger.rules.Fixtures.at;
import static org.mhtrigger.rules.Fixtures.evaluate;
import static org.mhtrigger.rules.Fixtures.given;
import static org.mhtrigger.rules.Fixtures.only;
import static org.mhtrigger.rules.Fixtures.stay;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mhtrigger.engine.record.Route;
import org.mhtrigger.engine.record.SourceRef;
import org.mhtrigger.engine.record.TextSpan;
import org.mhtrigger.engine.screen.Assertion;
import org.mhtrigger.engine.screen.Finding;
import org.mhtrigger.engine.screen.TextHit;

/** text.drl: affirmed mentions of T and S+T triggers. */
class TextRulesTest {

    private static TextHit hit(String trigger, String note, Assertion assertion, Instant time) {
        return new TextHit(
                trigger,
                new SourceRef("DocumentReference", note),
                new TextSpan(10, 14),
                "Patient fell in the corridor.",
                assertion,
                time);
    }

    @Test
    void affirmedMention_becomesAFindingOnTheNoteWithItsSpanAndSentence() {
        List<Finding> findings = evaluate(stay(), List.of(hit("MH-C01", "n-1", Assertion.AFFIRMED, at(3))));

        assertThat(only("MH-C01", findings)).singleElement().satisfies(f -> {
            assertThat(f.name()).isEqualTo("Fall");
            assertThat(f.source()).isEqualTo(new SourceRef("DocumentReference", "n-1"));
            assertThat(f.span()).isEqualTo(new TextSpan(10, 14));
            assertThat(f.evidence()).isEqualTo("Patient fell in the corridor.");
            assertThat(f.at()).isEqualTo(at(3));
            assertThat(f.fromText()).isTrue();
        });
    }

    @Test
    void negatedHistoricalHypotheticalOtherAndPolicyMentions_doNotFire() {
        List<TextHit> hits = List.of(
                hit("MH-B01", "n-1", Assertion.NEGATED, at(3)),
                hit("MH-B01", "n-2", Assertion.HISTORICAL, at(3)),
                hit("MH-B05", "n-3", Assertion.HYPOTHETICAL, at(3)),
                hit("MH-B02", "n-4", Assertion.OTHER_EXPERIENCER, at(3)),
                hit("MH-B04", "n-5", Assertion.POLICY, at(3)));

        assertThat(evaluate(stay(), hits)).isEmpty();
    }

    @Test
    void mentionOfAStructuredOnlyTrigger_doesNotFire() {
        assertThat(evaluate(stay(), List.of(hit("MH-L01", "n-1", Assertion.AFFIRMED, at(3)))))
                .isEmpty();
    }

    @Test
    void mentionOutsideTheStayWindow_doesNotFire() {
        assertThat(evaluate(stay(), List.of(hit("MH-B04", "n-1", Assertion.AFFIRMED, at(25)))))
                .isEmpty();
    }

    @Test
    void constipationMentionOnClozapine_fires_andWithoutClozapine_doesNot() {
        TextHit constipation = hit("MH-M06", "n-1", Assertion.AFFIRMED, at(5));

        assertThat(only(
                        "MH-M06",
                        evaluate(
                                stay().medication(given("cz-1", "clozapine", 100.0, Route.ORAL, at(1))),
                                List.of(constipation))))
                .hasSize(1);
        assertThat(only("MH-M06", evaluate(stay(), List.of(constipation)))).isEmpty();
    }

    @Test
    void constipationMentionInASentenceNamingClozapine_fires_withoutAClozapineAdministration() {
        TextHit onClozapine = new TextHit(
                "MH-M06",
                new SourceRef("DocumentReference", "n-1"),
                new TextSpan(26, 35),
                "On Clozaril 300mg nocte, no BO for 5 days.",
                Assertion.AFFIRMED,
                at(5));
        TextHit otherDrug = new TextHit(
                "MH-M06",
                new SourceRef("DocumentReference", "n-1"),
                new TextSpan(26, 35),
                "On olanzapine 10mg nocte, no BO for 5 days.",
                Assertion.AFFIRMED,
                at(5));

        assertThat(only("MH-M06", evaluate(stay(), List.of(onClozapine)))).hasSize(1);
        assertThat(only("MH-M06", evaluate(stay(), List.of(otherDrug)))).isEmpty();
    }

    @Test
    void twoMentionsInOneNote_areKeptApart_butTheSameMentionTwice_isOneFinding() {
        TextHit first = hit("MH-B04", "n-1", Assertion.AFFIRMED, at(3));
        TextHit second = new TextHit(
                "MH-B04", first.source(), new TextSpan(30, 40), "Punched a nurse.", Assertion.AFFIRMED, at(3));

        assertThat(only("MH-B04", evaluate(stay(), List.of(first, second, first))))
                .extracting(Finding::span)
                .containsExactlyInAnyOrder(new TextSpan(10, 14), new TextSpan(30, 40));
    }

    @Test
    void affirmedSuicideAttempt_isAlsoSelfHarm_butANegatedOneIsNeither() {
        List<Finding> affirmed = evaluate(stay(), List.of(hit("MH-B02", "n-1", Assertion.AFFIRMED, at(3))));
        List<Finding> negated = evaluate(stay(), List.of(hit("MH-B02", "n-1", Assertion.NEGATED, at(3))));

        assertThat(affirmed).extracting(Finding::trigger).containsExactlyInAnyOrder("MH-B01", "MH-B02");
        assertThat(affirmed).allSatisfy(f -> assertThat(f.span()).isNotNull());
        assertThat(negated).extracting(Finding::trigger).doesNotContain("MH-B01", "MH-B02");
    }

    @Test
    void infectionWrittenUpInTheFirst48Hours_doesNotFire_butLaterDoes() {
        List<Finding> early = evaluate(stay(), List.of(hit("MH-C04", "n-1", Assertion.AFFIRMED, at(1.5))));
        List<Finding> late = evaluate(stay(), List.of(hit("MH-C04", "n-1", Assertion.AFFIRMED, at(3))));

        assertThat(early).extracting(Finding::trigger).doesNotContain("MH-C04");
        assertThat(late).extracting(Finding::trigger).contains("MH-C04");
    }

    @Test
    void aLateInfectionNote_firesWhenANewAntibioticStartedLate_evenAfterAnEarlyOne() {
        var record = stay().medication(Fixtures.given("ab-1", "trimethoprim", 200.0, Route.ORAL, at(1)))
                .medication(Fixtures.given("ab-2", "amoxicillin", 500.0, Route.ORAL, at(5)));
        var earlyOnly = stay().medication(Fixtures.given("ab-1", "trimethoprim", 200.0, Route.ORAL, at(1)))
                .medication(Fixtures.given("ab-2", "trimethoprim", 200.0, Route.ORAL, at(5)));

        assertThat(evaluate(record, List.of(hit("MH-C04", "n-1", Assertion.AFFIRMED, at(5)))))
                .extracting(Finding::trigger)
                .contains("MH-C04");
        assertThat(evaluate(earlyOnly, List.of(hit("MH-C04", "n-1", Assertion.AFFIRMED, at(5)))))
                .extracting(Finding::trigger)
                .doesNotContain("MH-C04");
    }

    @Test
    void theSameSentenceInANoteAndInItsCopy_isOneFinding_butAtAnotherTimeItIsAnother() {
        TextSpan span = new TextSpan(0, 9);
        TextHit note = new TextHit(
                "MH-B05",
                new SourceRef("DocumentReference", "n-1"),
                span,
                "Pt absconded at 15:00.",
                Assertion.AFFIRMED,
                at(3));
        TextHit copy = new TextHit(
                "MH-B05",
                new SourceRef("DiagnosticReport", "r-1"),
                span,
                "Pt  absconded at 15:00.",
                Assertion.AFFIRMED,
                at(3));
        TextHit nextDay = new TextHit(
                "MH-B05",
                new SourceRef("DocumentReference", "n-2"),
                span,
                "Pt absconded at 15:00.",
                Assertion.AFFIRMED,
                at(4));

        List<Finding> findings = evaluate(stay(), List.of(copy, note, nextDay));

        assertThat(findings)
                .filteredOn(f -> f.trigger().equals("MH-B05"))
                .extracting(f -> f.source().id())
                .hasSize(2)
                .contains("n-2")
                .containsAnyOf("n-1", "r-1");
    }
}

package org.mhtrigger.review.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which findings of one code are one clinical event: time, the medicine an order names, a summary's restatement. */
class TriggerEventsTest {
    private static final Instant DAY0 = Instant.parse("2025-03-03T08:00:00Z");

    private static TriggerEvents.Item<String> at(String name, double days, String text) {
        return new TriggerEvents.Item<>(name, DAY0.plusSeconds((long) (days * 86_400)), null, text, false);
    }

    private static TriggerEvents.Item<String> order(String name, double days, String medicine) {
        return new TriggerEvents.Item<>(
                name, DAY0.plusSeconds((long) (days * 86_400)), medicine, medicine + " order stopped", false);
    }

    private static TriggerEvents.Item<String> summary(String name, double days, String text) {
        return new TriggerEvents.Item<>(name, DAY0.plusSeconds((long) (days * 86_400)), null, text, true);
    }

    @Test
    void aStoppedOrder_theNoteTwelveDaysLater_andTheDischargeSummary_areOneEvent() {
        List<List<String>> events = TriggerEvents.group(List.of(
                summary("summary", 25, "Neutropenia on day 12: clozapine discontinued, switched to olanzapine."),
                order("order", 0, "clozapine"),
                at("note", 12, "Clozapine stopped today as per monitoring protocol.")));

        assertThat(events).containsExactly(List.of("order", "note", "summary"));
    }

    @Test
    void twoRestraintsFourDaysApart_areTwoEvents_eachWithItsNote_andTheSummaryJoinsTheLatest() {
        List<List<String>> events = TriggerEvents.group(List.of(
                at("restraint 1", 1, "Physical restraint, 3 staff"),
                at("note 1", 1.05, "Restrained (supine) to give IM lorazepam"),
                at("restraint 2", 5, "Physical restraint, 4 staff"),
                at("note 2", 5.1, "Restrained again to give IM lorazepam"),
                summary("summary", 20, "Restrained twice during the admission")));

        assertThat(events)
                .containsExactly(List.of("restraint 1", "note 1"), List.of("restraint 2", "note 2", "summary"));
    }

    @Test
    void findingsWithin72Hours_chainIntoOneEvent_andALaterOneIsItsOwn() {
        List<List<String>> events = TriggerEvents.group(List.of(
                at("a", 0, "Neutrophils 1.4"),
                at("b", 2.5, "Neutrophils 1.3"),
                at("c", 5, "Neutrophils 1.2"),
                at("d", 9, "Neutrophils 1.1")));

        assertThat(events).containsExactly(List.of("a", "b", "c"), List.of("d"));
    }

    @Test
    void anOrderLinksOnlyTheNotesThatNameItsMedicine() {
        List<List<String>> events = TriggerEvents.group(List.of(
                order("lithium order", 0, "lithium"),
                at("clozapine note", 10, "Clozapine stopped after the fit."),
                at("lithium note", 14, "Lithium withheld, level 1.7.")));

        assertThat(events).containsExactly(List.of("lithium order", "lithium note"), List.of("clozapine note"));
    }

    @Test
    void medicine_isTheLabelsFirstWord_inLowerCase() {
        assertThat(TriggerEvents.medicine("Clozapine 150 mg oral")).isEqualTo("clozapine");
        assertThat(TriggerEvents.medicine("lithium carbonate")).isEqualTo("lithium");
        assertThat(TriggerEvents.medicine("  ")).isNull();
    }
}

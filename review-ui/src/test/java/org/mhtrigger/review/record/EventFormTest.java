package org.mhtrigger.review.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EventFormTest {
    private static final List<String> CODES = List.of("MH-B01", "MH-L02");

    private static EventForm form(String outcome, String description, String harm) {
        return new EventForm(null, "MH-L02", outcome, description, harm, false, "yes", false, "", Map.of());
    }

    @Test
    void anAdverseEventWithoutHarmCategory_hasTheErrorBesideThatField_andKeepsWhatWasTyped() {
        EventForm checked =
                form("ADVERSE_EVENT", "Neutropenia on clozapine", "").validated(false, CODES);

        assertThat(checked.valid()).isFalse();
        assertThat(checked.errors()).containsOnlyKeys("harmCategory");
        assertThat(checked.error("harmCategory")).isEqualTo("Choose a harm category E–I: adverse events need one.");
        assertThat(checked.description()).isEqualTo("Neutropenia on clozapine");
        assertThat(checked.trigger()).isEqualTo("MH-L02");
        assertThat(checked.preventability()).isEqualTo("yes");
    }

    @Test
    void everyMissingField_isNamed() {
        EventForm checked = new EventForm(null, "MH-X99", "NOT_A_CLASS", "  ", "Z", false, "maybe", false, "", Map.of())
                .validated(true, CODES);

        assertThat(checked.errors())
                .containsOnlyKeys("trigger", "outcomeClass", "description", "harmCategory", "preventability", "reason");
    }

    @Test
    void aValidForm_becomesTheStoresInput() {
        EventForm checked = form("ADVERSE_DRUG_EVENT", "Neutropenia", "F").validated(false, CODES);

        assertThat(checked.valid()).isTrue();
        assertThat(checked.input().harmCategory()).isEqualTo("F");
        assertThat(checked.input().trigger()).isEqualTo("MH-L02");
    }

    @Test
    void anIncidentNeedsNoHarmCategory_butMayHaveOne() {
        assertThat(form("MH_SAFETY_INCIDENT", "Self-harm", "")
                        .validated(false, CODES)
                        .valid())
                .isTrue();
        assertThat(form("MH_SAFETY_INCIDENT", "Self-harm", "F")
                        .validated(false, CODES)
                        .valid())
                .isTrue();
    }

    @Test
    void aTooLongDescription_saysHowLongItIs() {
        EventForm checked = form("QUALITY_OF_CARE", "x".repeat(4001), "").validated(false, CODES);

        assertThat(checked.error("description")).contains("(it has 4001)");
    }

    @Test
    void posted_readsTheRequestsFields_andATickedBox_andNeverWithdrawsANewEvent() {
        Map<String, String> fields = Map.of(
                "version", "3",
                "trigger", " MH-B01 ",
                "outcomeClass", "ADVERSE_EVENT",
                "description", "cut forearm",
                "harmCategory", "E",
                "presentOnAdmission", "true",
                "withdraw", "on",
                "reason", "second look");

        EventForm change = EventForm.posted(42L, fields);
        EventForm added = EventForm.posted(null, fields);

        assertThat(change.eventId()).isEqualTo(42L);
        assertThat(change.trigger()).isEqualTo("MH-B01");
        assertThat(change.presentOnAdmission()).isTrue();
        assertThat(change.withdraw()).isTrue();
        assertThat(change.preventability()).as("absent: unknown").isEqualTo("unknown");
        assertThat(change.reason()).isEqualTo("second look");
        assertThat(added.withdraw()).isFalse();
        assertThat(EventForm.posted(null, Map.of("presentOnAdmission", "false")).presentOnAdmission())
                .isFalse();
    }
}

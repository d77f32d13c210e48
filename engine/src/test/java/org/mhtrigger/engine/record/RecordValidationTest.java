package org.mhtrigger.engine.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecordValidationTest {
    private static final Instant ADMITTED = Instant.parse("2026-03-01T10:00:00Z");

    @Test
    void lengthOfStay_isHoursOver24NotRounded() {
        Stay stay = new Stay("e-1", "p-1", ADMITTED, Instant.parse("2026-03-03T16:00:00Z"), "Ward 6", null);

        assertThat(stay.lengthOfStayDays()).isEqualTo(2.25);
        assertThat(stay.disposition()).isEqualTo(DischargeDisposition.UNKNOWN);
    }

    @Test
    void aStayEndingBeforeItStarts_isRejectedNamingBothTimes() {
        assertThatThrownBy(() -> new Stay("e-1", "p-1", ADMITTED, ADMITTED.minusSeconds(60), "", null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("e-1")
                .hasMessageContaining("2026-03-01T09:59:00Z");
    }

    @Test
    void textSpan_mustBeOrderedAndNonNegative() {
        assertThatThrownBy(() -> new TextSpan(5, 2)).hasMessage("span [5, 2) must satisfy 0 <= start <= end");
        assertThat(new TextSpan(2, 5).overlaps(new TextSpan(4, 9))).isTrue();
        assertThat(new TextSpan(2, 5).overlaps(new TextSpan(5, 9))).isFalse();
    }

    @Test
    void stayRecord_copiesItsListsAndChecksThePatient() {
        Patient patient = new Patient("p-1", null, null, null);
        Stay stay = new Stay("e-1", "p-1", ADMITTED, ADMITTED.plusSeconds(86_400), "", null);
        List<Note> notes = new ArrayList<>();
        notes.add(new Note(new SourceRef("DocumentReference", "n-1"), "nursing", ADMITTED, "settled"));

        StayRecord record = StayRecord.builder(patient, stay).note(notes.get(0)).build();
        notes.clear();

        assertThat(record.notes()).hasSize(1);
        assertThat(patient.sex()).isEqualTo("unknown");
        assertThatThrownBy(() -> StayRecord.builder(new Patient("p-2", "female", null, null), stay)
                        .build())
                .hasMessageContaining("belongs to patient p-1");
    }

    @Test
    void noteToString_neverShowsItsText() {
        Note note = new Note(new SourceRef("DocumentReference", "n-1"), null, ADMITTED, "secret words");

        assertThat(note.toString()).doesNotContain("secret").contains("12 chars");
        assertThat(note.type()).isEqualTo("other");
    }

    @Test
    void medicationEvent_refusesANegativeDose() {
        assertThatThrownBy(() -> new MedicationEvent(
                        new SourceRef("MedicationAdministration", "m-1"),
                        MedicationEventKind.ADMINISTRATION,
                        "lithium",
                        -1.0,
                        Route.ORAL,
                        "completed",
                        ADMITTED,
                        false,
                        false,
                        null))
                .hasMessageContaining("-1.0 mg");
    }

    @Test
    void sourceRefs_sortAsTheirTextWithoutBuildingIt() {
        long seed = 20261206L;
        java.util.Random random = new java.util.Random(seed);
        String alphabet = "AaBb-./0_z";
        for (int i = 0; i < 5_000; i++) {
            SourceRef a = new SourceRef(word(random, alphabet), word(random, alphabet));
            SourceRef b = new SourceRef(word(random, alphabet), word(random, alphabet));
            assertThat(Integer.signum(SourceRef.BY_TEXT.compare(a, b)))
                    .as("%s against %s (seed %d)", a, b, seed)
                    .isEqualTo(Integer.signum(a.toString().compareTo(b.toString())));
        }
    }

    @Test
    void recordChecks_nameTheMissingField() {
        assertThatThrownBy(() -> new SourceRef("Observation", null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("source id must not be null");
        assertThatThrownBy(() -> new SourceRef(" ", "o-1"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("source type must not be blank");
    }

    private static String word(java.util.Random random, String alphabet) {
        StringBuilder out = new StringBuilder();
        for (int n = 1 + random.nextInt(4); n > 0; n--) {
            out.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return out.toString().isBlank() ? "x" : out.toString();
    }
}

package org.mhtrigger.corpus.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PatientPlannerTest {
    private static List<PatientPlan> plan(long seed, int stays) {
        return plan(new PatientPlanner(seed), stays);
    }

    private static List<PatientPlan> plan(PatientPlanner planner, int stays) {
        List<PatientPlan> patients = new ArrayList<>();
        for (int index = 0; index < stays; ) {
            PatientPlan patient = planner.plan(index, 0);
            patients.add(patient);
            index += patient.stays().size();
        }
        return patients;
    }

    private static boolean after(ZonedDateTime time) {
        return time != null && time.toLocalDate().isAfter(PatientPlanner.EXPORTED);
    }

    /** A stay, an emergency visit after one, or a death within follow-up after the export day. */
    private static boolean endsAfterExport(PatientPlan patient) {
        for (StayPlan stay : patient.stays()) {
            if (after(stay.discharged()) || after(stay.emergencyAfterDischarge())) {
                return true;
            }
        }
        return patient.death() != DeathMode.LATE && after(patient.deathTime());
    }

    @Test
    void nothingInAPlanHappensAfterTheExportDay() {
        for (long seed : new long[] {1, 7, 1000}) {
            int lateDeaths = 0;
            int lateDeathsBeforeExport = 0;
            for (PatientPlan patient : plan(seed, 20_000)) {
                for (StayPlan stay : patient.stays()) {
                    assertThat(after(stay.admitted())
                                    || after(stay.discharged())
                                    || after(stay.emergencyAfterDischarge()))
                            .as("seed %d stay %d", seed, stay.index())
                            .isFalse();
                }
                assertThat(after(patient.deathTime()))
                        .as("seed %d %s", seed, patient.patientId())
                        .isFalse();
                if (patient.death() == DeathMode.LATE) {
                    lateDeaths++;
                    lateDeathsBeforeExport +=
                            patient.deathTime().toLocalDate().isAfter(PatientPlanner.EXPORTED) ? 0 : 1;
                }
            }
            assertThat(lateDeaths)
                    .as("late deaths still recorded when known by the export")
                    .isPositive();
            assertThat(lateDeathsBeforeExport).isEqualTo(lateDeaths);
        }
    }

    @Test
    void aTimelineMovedBeforeTheExportKeepsItsClockTimesWeekdaysAndEverythingElse() {
        List<PatientPlan> limited = plan(new PatientPlanner(7), 20_000);
        List<PatientPlan> free = plan(new PatientPlanner(7, LocalDate.of(2100, 1, 1)), 20_000);
        assertThat(limited).hasSameSizeAs(free);
        int moved = 0;
        for (int p = 0; p < free.size(); p++) {
            PatientPlan was = free.get(p);
            PatientPlan now = limited.get(p);
            long days = ChronoUnit.DAYS.between(
                    now.stays().getFirst().admitted().toLocalDate(),
                    was.stays().getFirst().admitted().toLocalDate());
            assertThat(days % 7).as("whole weeks: %s", was.patientId()).isZero();
            assertThat(days).isNotNegative();
            if (days > 0) {
                moved++;
                assertThat(endsAfterExport(was))
                        .as("moved without need: %s", was.patientId())
                        .isTrue();
            } else {
                assertThat(endsAfterExport(was))
                        .as("not moved: %s", was.patientId())
                        .isFalse();
            }
            assertThat(now.patientId()).isEqualTo(was.patientId());
            assertThat(now.pseudonym()).isEqualTo(was.pseudonym());
            assertThat(now.ageAt(now.stays().getFirst().admitted().toLocalDate()))
                    .isEqualTo(was.ageAt(was.stays().getFirst().admitted().toLocalDate()));
            assertThat(now.stays()).hasSameSizeAs(was.stays());
            for (int i = 0; i < was.stays().size(); i++) {
                StayPlan a = was.stays().get(i);
                StayPlan b = now.stays().get(i);
                assertThat(b.admitted()).isEqualTo(a.admitted().minusDays(days));
                assertThat(b.discharged()).isEqualTo(a.discharged().minusDays(days));
                assertThat(b.admitted().getDayOfWeek()).isEqualTo(a.admitted().getDayOfWeek());
                assertThat(b.emergencyAfterDischarge())
                        .isEqualTo(
                                a.emergencyAfterDischarge() == null
                                        ? null
                                        : a.emergencyAfterDischarge().minusDays(days));
                assertThat(b.death()).isEqualTo(a.death());
            }
        }
        assertThat(moved).as("patients moved before the export day").isGreaterThan(50);
    }
}

package org.mhtrigger.corpus.internal;

import java.time.ZonedDateTime;
import org.mhtrigger.corpus.internal.StayOutput.HardNegative;

/**
 * Plants the triggers of the Transitions module (MH-X01, MH-X02): readmissions and emergency contact after discharge, decided by the patient's timeline; this planter writes what the timeline decided. Stateless, thread-safe.
 */
final class TransitionPlanter implements Planter {
    void emergencyAfterDischarge(StayBuild s) {
        ZonedDateTime at = s.stay.emergencyAfterDischarge();
        if (at == null) {
            return;
        }
        s.otherEncounter("ed", "EMER", "emergency", "Emergency department attendance", null, at, at.plusHours(4));
        if (!at.isAfter(s.stay.discharged().plusDays(7))) {
            s.structured("MH-X02");
        } else if (!at.isAfter(s.stay.discharged().plusDays(9))) {
            s.addNegative(new HardNegative("MH-X02", "near-threshold", s.encounterId));
        }
    }

    void readmission(StayBuild s) {
        ZonedDateTime previous = s.stay.previousDischarge();
        if (previous == null) {
            return;
        }
        if (!s.stay.admitted().isAfter(previous.plusDays(30))) {
            s.structured("MH-X01");
        } else if (!s.stay.admitted().isAfter(previous.plusDays(32))) {
            s.addNegative(new HardNegative("MH-X01", "near-threshold", s.encounterId));
        }
    }
}

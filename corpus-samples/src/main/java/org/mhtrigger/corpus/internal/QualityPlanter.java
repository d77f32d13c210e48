package org.mhtrigger.corpus.internal;

import java.time.ZonedDateTime;
import java.util.List;
import org.mhtrigger.corpus.internal.NoteDraft.Block;
import org.mhtrigger.corpus.internal.NoteDraft.Kind;
import org.mhtrigger.corpus.internal.StayOutput.HardNegative;
import org.mhtrigger.corpus.internal.Triggers.Planting;

/**
 * Plants the triggers of the Quality of care module (MH-Q01 to MH-Q03): care plans and risk assessments, present, late or absent (a complaint is text only). Stateless, thread-safe.
 */
final class QualityPlanter implements Planter {
    void documents(StayBuild s, List<Planting> plantings) {
        boolean noCarePlan = plantings.stream().anyMatch(p -> p.trigger().equals("MH-Q01"));
        boolean noRiskAssessment = plantings.stream().anyMatch(p -> p.trigger().equals("MH-Q02"));
        if (noCarePlan) {
            if (s.random.nextBoolean() && s.stay.lengthOfStayDays() > 9) {
                // a late care plan still leaves the first week without one
                String id = s.carePlan(s.stay.admitted().plusDays(7).plusHours(5));
                if (id != null) {
                    s.addNegative(new HardNegative("MH-Q01", "near-threshold", id));
                }
            }
            NoteDraft host = s.writer.firstNote(Kind.WARD_ROUND, Kind.MEDICAL_REVIEW);
            if (host != null) {
                host.add("plan", new Block("care plan to be written by named nurse", null, null));
                s.addNegative(new HardNegative("MH-Q01", "clarification", "note#" + host.serial));
            }
        } else {
            double r = s.random.nextDouble();
            ZonedDateTime at = s.stay.admitted().plusHours(6 + s.random.nextInt(90));
            if (r < 0.1 && s.stay.lengthOfStayDays() > 7.5) {
                at = s.stay.admitted().plusDays(6).plusHours(20);
                s.addNegative(new HardNegative("MH-Q01", "near-threshold", s.carePlan(at)));
            } else if (r < 0.8) {
                s.carePlan(at);
            }
            if (r >= 0.7) {
                carePlanNote(s, at.plusMinutes(30));
            }
        }
        if (noRiskAssessment) {
            if (s.random.nextBoolean() && s.stay.lengthOfStayDays() > 4) {
                String id = s.riskAssessment(s.stay.admitted().plusHours(73));
                if (id != null) {
                    s.addNegative(new HardNegative("MH-Q02", "near-threshold", id));
                }
            }
            NoteDraft host = s.writer.firstNote(Kind.NURSING, Kind.WARD_ROUND);
            if (host != null) {
                host.add("body", new Block("risk assessment still to be completed", null, null));
                s.addNegative(new HardNegative("MH-Q02", "clarification", "note#" + host.serial));
            }
        } else {
            double r = s.random.nextDouble();
            ZonedDateTime at = s.stay.admitted().plusMinutes(90 + 5L * s.random.nextInt(500));
            if (r < 0.1) {
                at = s.stay.admitted().plusHours(71);
                s.addNegative(new HardNegative("MH-Q02", "near-threshold", s.riskAssessment(at)));
            } else if (r < 0.8) {
                s.riskAssessment(at);
            }
            if (r >= 0.7) {
                riskAssessmentNote(s, at.plusMinutes(20));
            }
        }
    }

    void carePlanNote(StayBuild s, ZonedDateTime at) {
        if (!at.isBefore(s.stay.discharged())) {
            return;
        }
        s.carePlanTimes.add(at);
        s.writer.insertNote(Kind.CARE_PLAN, at);
    }

    void riskAssessmentNote(StayBuild s, ZonedDateTime at) {
        if (!at.isBefore(s.stay.discharged())) {
            return;
        }
        s.riskAssessmentTimes.add(at);
        s.writer.insertNote(Kind.RISK_ASSESSMENT, at);
    }

    void carePlanAndRiskGold(StayBuild s) {
        ZonedDateTime carePlanDeadline = s.stay.admitted().plusDays(7);
        ZonedDateTime riskDeadline = s.stay.admitted().plusHours(72);
        if (s.carePlanTimes.stream().noneMatch(t -> !t.isAfter(carePlanDeadline))) {
            s.structured("MH-Q01");
        }
        if (s.riskAssessmentTimes.stream().noneMatch(t -> !t.isAfter(riskDeadline))) {
            s.structured("MH-Q02");
        }
    }
}

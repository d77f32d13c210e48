package org.mhtrigger.corpus.internal;

import java.time.ZonedDateTime;
import java.util.List;
import org.mhtrigger.corpus.internal.NoteDraft.Block;
import org.mhtrigger.corpus.internal.NoteDraft.Kind;
import org.mhtrigger.corpus.internal.StayOutput.HardNegative;
import org.mhtrigger.engine.screen.Assertion;

/**
 * Plants the triggers of the Care module (MH-C01 to MH-C09): falls, transfers, medical emergencies, infections, pressure injuries, deaths, seizures and choking, in structured form, with their near-threshold negatives. Stateless, thread-safe.
 */
final class CarePlanter implements Planter {
    @Override
    public void structured(StayBuild s, String code, ZonedDateTime at) {
        switch (code) {
            case "MH-C01" -> s.condition("W19", "Unspecified fall", at, "encounter-diagnosis", null);
            case "MH-C02" -> {
                double r = s.random.nextDouble();
                boolean canDispose = s.stay.death() == DeathMode.NONE
                        && s.stay.discharged().isBefore(s.stay.admitted().plusDays(85));
                if (r < 0.2 && canDispose) {
                    s.dispositionCode = "other-hcf";
                    s.dispositionText = "Transferred to general hospital (medical ward)";
                } else if (r < 0.6) {
                    s.otherEncounter(
                            "ed",
                            "EMER",
                            "emergency",
                            "Emergency department attendance",
                            null,
                            at,
                            at.plusHours(3 + s.random.nextInt(5)));
                } else {
                    ZonedDateTime end = at.plusDays(1 + s.random.nextInt(4));
                    if (!end.isBefore(s.stay.discharged())) {
                        end = s.stay.discharged().minusHours(2);
                    }
                    s.otherEncounter(
                            "ac",
                            "IMP",
                            "inpatient encounter",
                            "Acute medical admission (general hospital)",
                            "General medicine",
                            at,
                            end);
                }
            }
            case "MH-C03" ->
                s.procedure(
                        "89666000",
                        "Cardiopulmonary resuscitation",
                        "Cardiopulmonary resuscitation",
                        at,
                        at.plusMinutes(12));
            case "MH-C04" -> {
                String[][] infections = {
                    {"N39.0", "Urinary tract infection, site not specified", "nitrofurantoin"},
                    {"J18.9", "Pneumonia, unspecified", "amoxicillin"},
                    {"L03.1", "Cellulitis of other parts of limb", "co-amoxiclav"},
                    {"N39.0", "Urinary tract infection, site not specified", "trimethoprim"}
                };
                String[] infection = infections[s.random.nextInt(infections.length)];
                if (s.random.nextBoolean()) {
                    s.condition(infection[0], infection[1], at, "encounter-diagnosis", null);
                }
                antibioticCourse(s, infection[2], at.plusMinutes(30));
            }
            case "MH-C05" ->
                s.condition("L89.1", "Pressure ulcer of sacral region, stage II", at, "encounter-diagnosis", null);
            case "MH-C08" -> {
                if (s.random.nextBoolean()) {
                    s.condition(Seeds.pick(s.random, "R56.8", "G40.9"), "Seizure", at, "encounter-diagnosis", null);
                } else if (s.random.nextBoolean()) {
                    s.administration(Drug.of("midazolam"), 10, "mg", "buccal", at, "completed", "seizure", null, null);
                } else {
                    s.administration(
                            Drug.of("diazepam"), 10, "mg", "PR", at, "completed", "prolonged seizure", null, null);
                }
            }
            case "MH-C09" ->
                s.condition(
                        "J69.0",
                        "Pneumonitis due to food and vomit (aspiration pneumonia)",
                        at,
                        "encounter-diagnosis",
                        null);
            default -> throw new IllegalArgumentException("no structured form for " + code);
        }
    }

    @Override
    public String nearMiss(StayBuild s, String code, ZonedDateTime at, boolean first) {
        switch (code) {
            case "MH-C04" -> {
                if (s.stay.lengthOfStayDays() < 3) {
                    return null;
                }
                // infection present on admission, antibiotic first given at 47 h: not healthcare-associated
                s.condition(
                        "N39.0",
                        "Urinary tract infection, site not specified",
                        s.stay.admitted().plusHours(8),
                        "encounter-diagnosis",
                        null);
                antibioticCourse(s, "trimethoprim", s.stay.admitted().plusHours(47));
                return s.lastId();
            }
            case "MH-C02" -> {
                if (!s.dispositionCode.equals("home")) {
                    return null;
                }
                s.dispositionCode = "psy";
                s.dispositionText = "Transferred to another psychiatric hospital";
                return s.encounterId;
            }
            default -> throw new IllegalArgumentException("no near-miss for " + code);
        }
    }

    void antibioticCourse(StayBuild s, String key, ZonedDateTime first) {
        String order = s.order(Drug.of(key), 500, "mg", "PO", first.minusMinutes(20), false, "completed", null, null);
        for (int i = 0; i < 3; i++) {
            ZonedDateTime at = first.plusHours(12L * i);
            if (at.isBefore(s.stay.discharged())) {
                s.oralDoseGiven(Drug.of(key), 500, at, "infection", order);
            }
        }
    }

    void death(StayBuild s) {
        if (s.stay.death() == DeathMode.IN_STAY || s.stay.death() == DeathMode.ON_LEAVE_TEXT_ONLY) {
            ZonedDateTime at = s.stay.deathTime();
            NoteDraft note =
                    s.writer.insertNote(Kind.INCIDENT, s.stay.discharged().minusMinutes(50));
            note.hasEvent = true;
            String text;
            if (s.stay.death() == DeathMode.ON_LEAVE_TEXT_ONLY) {
                text = "Informed by police at "
                        + s.voice.clock(s.stay.discharged().minusMinutes(70))
                        + " that {pt} was «found dead» at home while on overnight leave. NOK aware, {doc} informed, "
                        + (s.voice.uk() ? "Datix completed" : "IR filed");
            } else if (s.patient.ageAt(at.toLocalDate()) >= 65) {
                text = "{pt} «passed away» peacefully at " + s.voice.clock(at)
                        + ". verification of death by {doc}. family informed";
            } else {
                text = "{pt} found unresponsive in bedroom at " + s.voice.clock(at.minusMinutes(25))
                        + ". «MH-C03!crash call» put out, «MH-C03!CPR commenced», paramedics attended. «pronounced dead» at "
                        + s.voice.clock(at) + " by {doc}. NOK informed, police informed";
                s.procedure(
                        "89666000",
                        "Cardiopulmonary resuscitation",
                        "Cardiopulmonary resuscitation",
                        at.minusMinutes(20),
                        at);
                s.structured("MH-C03");
            }
            note.add("body", new Block(s.voice.expand(text), "MH-C06", Assertion.AFFIRMED));
            if (s.stay.death() == DeathMode.IN_STAY) {
                s.structured("MH-C06");
            }
        } else if (s.stay.death() == DeathMode.AFTER_DISCHARGE_WITHIN_WINDOW) {
            s.structured("MH-C06");
        } else if (s.stay.death() == DeathMode.AFTER_DISCHARGE_OUTSIDE_WINDOW) {
            s.addNegative(new HardNegative("MH-C06", "near-threshold", s.patient.patientId()));
        }
    }

    /** A falls-risk flag is a hypothetical fall, not a fall. */
    @Override
    public void admissionFlags(StayBuild s) {
        if (s.random.nextDouble() < 0.15) {
            s.flag("Falls risk - sensor mat", s.stay.admitted().plusHours(4), "active");
            s.addNegative(new HardNegative("MH-C01", "hypothetical", s.lastFlag));
        }
    }

    @Override
    public List<String> nearMissCodes() {
        return List.of("MH-C02", "MH-C04");
    }
}

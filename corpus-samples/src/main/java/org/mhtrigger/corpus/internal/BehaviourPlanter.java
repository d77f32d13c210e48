package org.mhtrigger.corpus.internal;

import java.time.ZonedDateTime;
import java.util.List;
import org.mhtrigger.corpus.internal.StayOutput.HardNegative;

/**
 * Plants the triggers of the Behaviour and safety module (MH-B01 to MH-B06): self-harm, suicide attempts and absconding in structured form (assault, violence and sexual safety are text only), with their negatives. Stateless, thread-safe.
 */
final class BehaviourPlanter implements Planter {
    @Override
    public void structured(StayBuild s, String code, ZonedDateTime at) {
        switch (code) {
            case "MH-B01" -> {
                String[][] codes = {
                    {"X78.0", "Intentional self-harm by sharp object"},
                    {"X70", "Intentional self-harm by hanging, strangulation and suffocation"},
                    {"X60", "Intentional self-poisoning by nonopioid analgesics"},
                    {"X83", "Intentional self-harm by other specified means"}
                };
                String[] c = codes[s.random.nextInt(codes.length)];
                s.condition(c[0], c[1], at, "encounter-diagnosis", null);
            }
            case "MH-B02" -> {
                s.condition(
                        null,
                        "confirmed",
                        "encounter-diagnosis",
                        Fhir.concept(
                                "Suicide attempt",
                                Fhir.coding(Fhir.SNOMED, "82313006", "Suicide attempt"),
                                s.icd("X70", "Intentional self-harm by hanging, strangulation and suffocation")),
                        at,
                        at.plusMinutes(30));
            }
            case "MH-B05" -> {
                s.flag(
                        Seeds.pick(
                                s.random,
                                "Absent without leave (AWOL)",
                                "Missing from ward",
                                "Failed to return from leave"),
                        at,
                        "inactive");
            }
            default -> throw new IllegalArgumentException("no structured form for " + code);
        }
    }

    @Override
    public String nearMiss(StayBuild s, String code, ZonedDateTime at, boolean first) {
        switch (code) {
            case "MH-B01" -> {
                return s.condition(
                        "X78.0",
                        "Intentional self-harm by sharp object",
                        at,
                        "encounter-diagnosis",
                        "entered-in-error");
            }
            default -> throw new IllegalArgumentException("no near-miss for " + code);
        }
    }

    /** An absconding-risk flag is a hypothetical absconding, not an absconding. */
    @Override
    public void admissionFlags(StayBuild s) {
        if (s.random.nextDouble() < 0.05) {
            s.flag("High absconding risk - leave suspended", s.stay.admitted().plusHours(5), "active");
            s.addNegative(new HardNegative("MH-B05", "hypothetical", s.lastFlag));
        }
    }

    @Override
    public List<String> nearMissCodes() {
        return List.of("MH-B01");
    }
}

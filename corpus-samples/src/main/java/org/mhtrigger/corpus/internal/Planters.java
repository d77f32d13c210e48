package org.mhtrigger.corpus.internal;

import java.util.List;
import java.util.TreeSet;

/** The planter of each catalogue module, in catalogue order. Stateless, thread-safe. */
final class Planters {
    static final CarePlanter CARE = new CarePlanter();
    static final BehaviourPlanter BEHAVIOUR = new BehaviourPlanter();
    static final RestrictivePlanter RESTRICTIVE = new RestrictivePlanter();
    static final MedicationPlanter MEDICATION = new MedicationPlanter();
    static final LaboratoryPlanter LABORATORY = new LaboratoryPlanter();
    static final TransitionPlanter TRANSITIONS = new TransitionPlanter();
    static final QualityPlanter QUALITY = new QualityPlanter();

    /** Every planter, in the order their admission flags are raised. */
    static final List<Planter> ALL =
            List.of(CARE, BEHAVIOUR, RESTRICTIVE, MEDICATION, LABORATORY, TRANSITIONS, QUALITY);

    private Planters() {}

    /** The planter of the module a code belongs to: the letter after {@code MH-}. */
    static Planter of(String code) {
        if (code.length() < 4 || !code.startsWith("MH-")) {
            throw new IllegalArgumentException("trigger code " + code + " must look like MH-C01");
        }
        return switch (code.charAt(3)) {
            case 'C' -> CARE;
            case 'B' -> BEHAVIOUR;
            case 'R' -> RESTRICTIVE;
            case 'M' -> MEDICATION;
            case 'L' -> LABORATORY;
            case 'X' -> TRANSITIONS;
            case 'Q' -> QUALITY;
            default -> throw new IllegalArgumentException("trigger code " + code + " names no catalogue module");
        };
    }

    /** Every code with a structured near-miss, sorted. */
    static List<String> nearMissCodes() {
        TreeSet<String> codes = new TreeSet<>();
        for (Planter planter : ALL) {
            codes.addAll(planter.nearMissCodes());
        }
        return List.copyOf(codes);
    }
}

package org.mhtrigger.corpus.internal;

import java.util.ArrayList;
import java.util.List;
import org.mhtrigger.engine.screen.Assertion;

/**
 * Generates one psychiatric inpatient stay: encounters, observations, medicines, procedures, conditions, flags, care
 * plans, risk assessments and notes, with the triggers and hard negatives it plants and their gold labels. Immutable,
 * thread-safe; each call draws from its own random stream seeded by (seed, stay index).
 *
 * <p>The work is split: {@link StayBuild} decides what a stay holds, one {@link Planter} per catalogue module writes
 * each trigger's structured form and near-misses, {@link NoteWriter} writes the notes, {@link Lexicon} holds the
 * trigger phrases and {@link Background} the routine text.
 */
public final class StayGenerator {
    /** Every (trigger, hard-negative kind) pair the banks can place; rotated over stays so a sample holds them all. */
    static final List<String> NEGATIVE_ROTATION = negativeRotation();

    private final long seed;
    private final long idOffset;
    private final TrapPlanter.Selection traps;

    /** A generator that places the trap rows marked on. */
    public StayGenerator(long seed, long idOffset) {
        this(seed, idOffset, true, false);
    }

    /**
     * @param traps whether to place trap sentences at all
     * @param trapsTheEngineMisreads whether to place also the trap rows marked off (today's known misreads)
     */
    public StayGenerator(long seed, long idOffset, boolean traps, boolean trapsTheEngineMisreads) {
        this.seed = seed;
        this.idOffset = idOffset;
        this.traps = !traps
                ? TrapPlanter.Selection.NONE
                : trapsTheEngineMisreads ? TrapPlanter.Selection.ALL : TrapPlanter.Selection.ON;
    }

    public StayOutput generate(PatientPlan patient, StayPlan stay) {
        return new StayBuild(seed, idOffset, traps, patient, stay).run();
    }

    private static List<String> negativeRotation() {
        List<String> pairs = new ArrayList<>();
        for (String code : Lexicon.textTriggers()) {
            for (Assertion assertion : Lexicon.negativeClasses(code)) {
                pairs.add(code + " " + assertion.label());
            }
            if (!Lexicon.nearMisses(code).isEmpty()) {
                pairs.add(code + " clarification");
            }
        }
        for (String code : Planters.nearMissCodes()) {
            pairs.add(code + " near-threshold");
        }
        return List.copyOf(pairs);
    }
}

package org.mhtrigger.engine.text.context;

import org.mhtrigger.engine.screen.Assertion;

/** What a context cue does to the trigger mentions in its scope. */
public enum CueCategory {
    NEGATED(Assertion.NEGATED),
    HISTORICAL(Assertion.HISTORICAL),
    HYPOTHETICAL(Assertion.HYPOTHETICAL),
    /**
     * A possibility under consideration ("possible", "rule out", "?"): an attribute of its own, kept apart from
     * hypothetical (a plan or condition) when attributes are reported, and screened as hypothetical.
     */
    UNCERTAIN(Assertion.HYPOTHETICAL),
    OTHER_EXPERIENCER(Assertion.OTHER_EXPERIENCER),
    POLICY(Assertion.POLICY),
    /** Ends the scope of other cues ("but", "however", "today"). */
    TERMINATE(null),
    /** Looks like a cue but is not one ("no change", "not only"): matched so that its words are not taken as cues. */
    PSEUDO(null);

    private final Assertion assertion;

    CueCategory(Assertion assertion) {
        this.assertion = assertion;
    }

    /** The assertion this cue gives, {@code null} for termination and pseudo cues. */
    public Assertion assertion() {
        return assertion;
    }
}

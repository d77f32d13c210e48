package org.mhtrigger.engine.text.context;

/** Which side of a cue its scope lies on. Immutable, thread-safe. */
public enum CueDirection {
    /** Applies to mentions after the cue ("denies self-harm"). */
    FORWARD,
    /** Applies to mentions before the cue ("self-harm denied"). */
    BACKWARD,
    /** Applies on both sides. */
    BOTH,
    /**
     * The value of a form line: applies to a mention in the label right before the colon that the cue follows
     * ("Self-harm risk: moderate", "Seclusion: N/A"), the label at most {@code window} words long. Only across that
     * colon; termination cues in the label do not stop it ("Restraint this admission: nil").
     */
    VALUE,
    /**
     * The whole sentence, across colons and termination cues: the status of the entry itself ("entered in error",
     * "written in the wrong file", "Correction to my entry of 15/03: I wrote ...").
     */
    SENTENCE
}

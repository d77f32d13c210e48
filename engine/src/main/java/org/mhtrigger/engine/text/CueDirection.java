package org.mhtrigger.engine.text;

/** Which side of a cue its scope lies on. */
public enum CueDirection {
    /** Applies to mentions after the cue ("denies self-harm"). */
    FORWARD,
    /** Applies to mentions before the cue ("self-harm denied"). */
    BACKWARD,
    /** Applies on both sides. */
    BOTH
}

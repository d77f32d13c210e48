package org.mhtrigger.fhir.server;

import org.mhtrigger.engine.MhTriggerException;

/** A pull from a FHIR server could not be completed; what was already written stays, and a rerun resumes. */
public class PullException extends MhTriggerException {
    private static final long serialVersionUID = 1L;

    public PullException(String message) {
        super(message);
    }

    public PullException(String message, Throwable cause) {
        super(message, cause);
    }
}

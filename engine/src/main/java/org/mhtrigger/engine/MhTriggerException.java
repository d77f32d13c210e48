package org.mhtrigger.engine;

/**
 * The root of every exception mhtrigger throws on purpose. Messages name the field, the bad value (unless it is
 * patient data) and what was expected.
 */
public class MhTriggerException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public MhTriggerException(String message) {
        super(message);
    }

    public MhTriggerException(String message, Throwable cause) {
        super(message, cause);
    }
}

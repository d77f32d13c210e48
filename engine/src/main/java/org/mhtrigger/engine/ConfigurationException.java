package org.mhtrigger.engine;

/** A configuration file (thresholds, lexicons, mapping tables) that cannot be used as it stands. */
public class ConfigurationException extends MhTriggerException {
    private static final long serialVersionUID = 1L;

    public ConfigurationException(String message) {
        super(message);
    }

    public ConfigurationException(String message, Throwable cause) {
        super(message, cause);
    }
}

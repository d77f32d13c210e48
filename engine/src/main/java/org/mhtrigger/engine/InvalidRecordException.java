package org.mhtrigger.engine;

/**
 * Input that cannot become a record: the batch goes on and the input is reported as rejected with {@link #reason()}.
 * The message never contains note text or identifiers.
 */
public class InvalidRecordException extends MhTriggerException {
    private static final long serialVersionUID = 1L;

    private final String source;
    private final String reason;

    public InvalidRecordException(String source, String reason) {
        super(source + ": " + reason);
        this.source = source;
        this.reason = reason;
    }

    public InvalidRecordException(String source, String reason, Throwable cause) {
        super(source + ": " + reason, cause);
        this.source = source;
        this.reason = reason;
    }

    /** Where the bad input came from: a file, a file and line, or a resource reference. */
    public String source() {
        return source;
    }

    /** What is wrong, in one line, without patient data. */
    public String reason() {
        return reason;
    }
}

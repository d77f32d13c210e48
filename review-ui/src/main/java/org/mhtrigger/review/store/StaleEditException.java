package org.mhtrigger.review.store;

import org.mhtrigger.engine.MhTriggerException;

/**
 * Someone else changed the record between the moment the caller loaded it and the moment they saved: the caller's
 * change was not applied, and nothing was overwritten.
 */
public final class StaleEditException extends MhTriggerException {
    private static final long serialVersionUID = 1L;

    public StaleEditException(String entity, long id, long expectedVersion) {
        super(entity + " " + id + " was changed by someone else since version " + expectedVersion
                + " was loaded; reload it and apply the change again");
    }
}

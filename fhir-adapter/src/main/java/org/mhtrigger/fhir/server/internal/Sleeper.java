package org.mhtrigger.fhir.server.internal;

import java.time.Duration;

/** Waits between attempts; tests record the waits instead of sleeping. Implementations must be thread-safe. */
@FunctionalInterface
public interface Sleeper {
    /** Really sleeps. */
    Sleeper THREAD = duration -> Thread.sleep(duration.toMillis());

    void sleep(Duration duration) throws InterruptedException;
}

package org.mhtrigger.corpus.internal;

import java.time.ZoneId;
import java.time.ZoneOffset;

/** Where a synthetic patient is treated; decides time zone and the flavour of clinical English. Immutable. */
public enum Site {
    UK(ZoneId.of("Europe/London")),
    SINGAPORE(ZoneOffset.ofHours(8));

    private final ZoneId zone;

    Site(ZoneId zone) {
        this.zone = zone;
    }

    public ZoneId zone() {
        return zone;
    }
}

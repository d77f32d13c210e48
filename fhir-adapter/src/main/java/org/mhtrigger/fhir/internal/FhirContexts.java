package org.mhtrigger.fhir.internal;

import ca.uhn.fhir.context.FhirContext;

/** The one R4 {@link FhirContext} of the JVM: expensive to create, thread-safe to share. */
public final class FhirContexts {
    private FhirContexts() {}

    private static final class Holder {
        static final FhirContext R4 = FhirContext.forR4();
    }

    /** The shared R4 context, created on first use. */
    public static FhirContext r4() {
        return Holder.R4;
    }
}

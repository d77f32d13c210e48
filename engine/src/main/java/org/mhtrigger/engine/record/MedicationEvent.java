package org.mhtrigger.engine.record;

import java.time.Instant;

/**
 * A medication administration or order. Immutable, thread-safe.
 *
 * @param source the MedicationAdministration or MedicationRequest
 * @param kind administration or order
 * @param ingredient canonical generic ingredient, lower case ({@code "lithium"}, {@code "naloxone"}); brand names
 *     are already resolved
 * @param doseMg the dose in milligrams, {@code null} if not given in a mass unit
 * @param route route, normalised
 * @param status FHIR status, lower case: {@code completed}, {@code not-done}, {@code stopped}, {@code active},
 *     {@code on-hold}, {@code cancelled}, …
 * @param time when given (administration) or authored (order)
 * @param prn whether given or ordered as required
 * @param depot whether a long-acting injectable (excluded from daily antipsychotic totals)
 * @param reason the reason text or code display given for it, {@code ""} if none
 */
public record MedicationEvent(
        SourceRef source,
        MedicationEventKind kind,
        String ingredient,
        Double doseMg,
        Route route,
        String status,
        Instant time,
        boolean prn,
        boolean depot,
        String reason) {
    public MedicationEvent {
        Checks.require(source, "medication source");
        Checks.require(kind, "medication kind");
        Checks.requireText(ingredient, "ingredient");
        Checks.require(time, "medication time");
        if (doseMg != null && (doseMg < 0 || doseMg.isNaN())) {
            throw new IllegalArgumentException("dose " + doseMg + " mg must be a non-negative number");
        }
        route = route == null ? Route.UNKNOWN : route;
        status = status == null ? "" : status;
        reason = reason == null ? "" : reason;
    }

    public boolean administration() {
        return kind == MedicationEventKind.ADMINISTRATION;
    }

    public boolean given() {
        return kind == MedicationEventKind.ADMINISTRATION && !"not-done".equals(status);
    }
}

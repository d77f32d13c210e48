package org.mhtrigger.engine.measure;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.mhtrigger.engine.sampling.ReviewPeriod;

/**
 * One period's measures, breakdowns and trigger PPVs. Immutable, thread-safe.
 *
 * @param period the review period
 * @param protocol the sampling protocol used
 * @param rates one rate per {@link Measure}, in declaration order
 * @param byHarmCategory confirmed events per harm category (every category present, zeros included)
 * @param byOutcomeClass confirmed events per outcome class (every class present, zeros included)
 * @param harmEventsByTrigger harm events (AE/ADE E–I) per linked trigger; "none" for events without one
 * @param aeRateByWard adverse events per 1,000 patient-days of each ward's sampled stays
 * @param triggerPpv per-trigger PPV, by trigger code
 * @param harmEvents the confirmed harm events (AE/ADE E–I), for drill-down
 * @param incidents the confirmed mental-health safety incidents, for drill-down
 */
public record PeriodMeasures(
        ReviewPeriod period,
        String protocol,
        Map<Measure, Rate> rates,
        Map<HarmCategory, Integer> byHarmCategory,
        Map<OutcomeClass, Integer> byOutcomeClass,
        Map<String, Integer> harmEventsByTrigger,
        Map<String, Rate> aeRateByWard,
        Map<String, TriggerPpv> triggerPpv,
        List<ConfirmedEvent> harmEvents,
        List<ConfirmedEvent> incidents) {
    public PeriodMeasures {
        Objects.requireNonNull(period, "period must not be null");
        Objects.requireNonNull(protocol, "protocol must not be null");
        rates = java.util.Collections.unmodifiableMap(new java.util.EnumMap<>(rates));
        byHarmCategory = java.util.Collections.unmodifiableMap(new java.util.EnumMap<>(byHarmCategory));
        byOutcomeClass = java.util.Collections.unmodifiableMap(new java.util.EnumMap<>(byOutcomeClass));
        harmEventsByTrigger = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(harmEventsByTrigger));
        aeRateByWard = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(aeRateByWard));
        triggerPpv = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(triggerPpv));
        harmEvents = List.copyOf(harmEvents);
        incidents = List.copyOf(incidents);
    }

    /** The rate of {@code measure}. */
    public Rate rate(Measure measure) {
        return rates.get(measure);
    }
}

package org.mhtrigger.engine.measure;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * Computes one period's measures (docs/spec/method.md §3) from authenticated reviews of sampled stays and from all screened
 * stays. Stateless, thread-safe.
 *
 * <ul>
 *   <li>Harm rates count confirmed adverse events and adverse drug events in harm categories E–I; category A–D
 *       findings and events of stays not in the sample do not count.
 *   <li>Mental-health safety incidents are counted apart, whatever their harm category.
 *   <li>Restrictive practice counts every screened episode in the period per 1,000 bed-days occupied in the period
 *       by any screened stay.
 *   <li>A trigger's PPV counts each reviewed stay once: positive when a confirmed event (any outcome class) of that
 *       stay names the trigger.
 * </ul>
 */
public final class Measures {
    /** The key under which events that no trigger led to are counted in the by-trigger breakdown. */
    public static final String NO_TRIGGER = "none";

    private Measures() {}

    public static PeriodMeasures compute(PeriodInput input) {
        Objects.requireNonNull(input, "input must not be null");
        Map<String, ReviewedStay> stays = new HashMap<>();
        for (ReviewedStay stay : input.sampled()) {
            if (stays.put(stay.stayId(), stay) != null) {
                throw new IllegalArgumentException("stay " + stay.stayId() + " is in the sample twice");
            }
        }
        List<ConfirmedEvent> events = input.events().stream()
                .filter(e -> stays.containsKey(e.stayId()))
                .toList();
        List<ConfirmedEvent> harmEvents =
                events.stream().filter(ConfirmedEvent::isHarmEvent).toList();
        List<ConfirmedEvent> incidents = events.stream()
                .filter(e -> e.outcomeClass() == OutcomeClass.MH_SAFETY_INCIDENT)
                .toList();

        double patientDays =
                input.sampled().stream().mapToDouble(ReviewedStay::patientDays).sum();
        int admissions = input.sampled().size();
        long staysWithHarm =
                harmEvents.stream().map(ConfirmedEvent::stayId).distinct().count();
        double bedDays = input.screened().stream()
                .mapToDouble(s -> s.occupiedDaysIn(input.period()))
                .sum();
        long episodes = input.episodes().stream()
                .filter(e -> input.period().contains(e.at()))
                .count();

        Map<Measure, Rate> rates = new EnumMap<>(Measure.class);
        rates.put(
                Measure.AE_PER_1000_PATIENT_DAYS,
                new Rate(Measure.AE_PER_1000_PATIENT_DAYS, harmEvents.size(), patientDays));
        rates.put(
                Measure.AE_PER_100_ADMISSIONS, new Rate(Measure.AE_PER_100_ADMISSIONS, harmEvents.size(), admissions));
        rates.put(
                Measure.PERCENT_ADMISSIONS_WITH_AE,
                new Rate(Measure.PERCENT_ADMISSIONS_WITH_AE, staysWithHarm, admissions));
        rates.put(
                Measure.MH_INCIDENTS_PER_1000_PATIENT_DAYS,
                new Rate(Measure.MH_INCIDENTS_PER_1000_PATIENT_DAYS, incidents.size(), patientDays));
        rates.put(
                Measure.RESTRICTIVE_PER_1000_BED_DAYS,
                new Rate(Measure.RESTRICTIVE_PER_1000_BED_DAYS, episodes, bedDays));

        Map<HarmCategory, Integer> byHarm = new EnumMap<>(HarmCategory.class);
        for (HarmCategory category : HarmCategory.values()) {
            byHarm.put(category, 0);
        }
        Map<OutcomeClass, Integer> byClass = new EnumMap<>(OutcomeClass.class);
        for (OutcomeClass outcome : OutcomeClass.values()) {
            byClass.put(outcome, 0);
        }
        for (ConfirmedEvent event : events) {
            byClass.merge(event.outcomeClass(), 1, Integer::sum);
            if (event.harm() != null) {
                byHarm.merge(event.harm(), 1, Integer::sum);
            }
        }
        Map<String, Integer> byTrigger = new TreeMap<>();
        for (ConfirmedEvent event : harmEvents) {
            byTrigger.merge(event.trigger() == null ? NO_TRIGGER : event.trigger(), 1, Integer::sum);
        }

        return new PeriodMeasures(
                input.period(),
                input.protocol(),
                rates,
                byHarm,
                byClass,
                byTrigger,
                wardRates(input.sampled(), harmEvents, stays),
                ppv(input.sampled(), events),
                harmEvents,
                incidents);
    }

    private static Map<String, Rate> wardRates(
            List<ReviewedStay> sampled, List<ConfirmedEvent> harmEvents, Map<String, ReviewedStay> stays) {
        Map<String, double[]> perWard = new TreeMap<>(); // ward -> {events, patient-days}
        for (ReviewedStay stay : sampled) {
            perWard.computeIfAbsent(stay.ward(), w -> new double[2])[1] += stay.patientDays();
        }
        for (ConfirmedEvent event : harmEvents) {
            perWard.get(stays.get(event.stayId()).ward())[0]++;
        }
        Map<String, Rate> rates = new TreeMap<>();
        perWard.forEach(
                (ward, counts) -> rates.put(ward, new Rate(Measure.AE_PER_1000_PATIENT_DAYS, counts[0], counts[1])));
        return rates;
    }

    private static Map<String, TriggerPpv> ppv(List<ReviewedStay> sampled, List<ConfirmedEvent> events) {
        Map<String, Set<String>> confirmedTriggersByStay = new HashMap<>();
        for (ConfirmedEvent event : events) {
            if (event.trigger() != null) {
                confirmedTriggersByStay
                        .computeIfAbsent(event.stayId(), s -> new HashSet<>())
                        .add(event.trigger());
            }
        }
        Map<String, int[]> counts = new TreeMap<>(); // trigger -> {hits, positive}
        for (ReviewedStay stay : sampled) {
            Set<String> confirmed = confirmedTriggersByStay.getOrDefault(stay.stayId(), Set.of());
            for (String trigger : stay.triggers()) {
                int[] c = counts.computeIfAbsent(trigger, t -> new int[2]);
                c[0]++;
                if (confirmed.contains(trigger)) {
                    c[1]++;
                }
            }
        }
        Map<String, TriggerPpv> ppv = new TreeMap<>();
        counts.forEach((trigger, c) -> ppv.put(trigger, new TriggerPpv(trigger, c[0], c[1])));
        return ppv;
    }

    /** Sums rates of one measure over several periods (numerators and denominators added). */
    public static Rate pooled(Measure measure, List<PeriodMeasures> periods) {
        double numerator = 0;
        double denominator = 0;
        for (PeriodMeasures period : periods) {
            Rate rate = period.rate(measure);
            numerator += rate.numerator();
            denominator += rate.denominator();
        }
        return new Rate(measure, numerator, denominator);
    }

    /** PPV per trigger over several periods (hits and positives added), most hits first. */
    public static List<TriggerPpv> pooledPpv(List<PeriodMeasures> periods) {
        Map<String, int[]> counts = new TreeMap<>();
        for (PeriodMeasures period : periods) {
            for (TriggerPpv ppv : period.triggerPpv().values()) {
                int[] c = counts.computeIfAbsent(ppv.trigger(), t -> new int[2]);
                c[0] += ppv.hits();
                c[1] += ppv.positive();
            }
        }
        List<TriggerPpv> pooled = new ArrayList<>();
        counts.forEach((trigger, c) -> pooled.add(new TriggerPpv(trigger, c[0], c[1])));
        pooled.sort((a, b) -> Integer.compare(b.hits(), a.hits()));
        return pooled;
    }
}

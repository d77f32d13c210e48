package org.mhtrigger.rules.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.mhtrigger.engine.record.MedicationEvent;
import org.mhtrigger.engine.record.SourceRef;
import org.mhtrigger.rules.RulesConfig;

/**
 * The antipsychotic doses given on one calendar day of the ward (the stay's UTC offset) as percentages of each drug's maximum daily dose: a fact
 * derived in Java for MH-M08, whose threshold stays in the DRL. Immutable, thread-safe.
 *
 * @param day the calendar day
 * @param doses the counted doses in time order
 */
public record DailyAntipsychoticTotal(LocalDate day, List<Dose> doses) {
    /**
     * One counted dose.
     *
     * @param percent the dose as a percentage of the drug's maximum daily dose
     */
    public record Dose(SourceRef source, String ingredient, double mg, double percent, Instant time) {}

    public DailyAntipsychoticTotal {
        doses = List.copyOf(doses);
    }

    /** The day's total as a percentage of the maximum. */
    public double percent() {
        return doses.stream().mapToDouble(Dose::percent).sum();
    }

    /** Whether the total is strictly above {@code limit} percent (with a tolerance for rounding of sums). */
    public boolean above(double limit) {
        return percent() > limit + 1e-9;
    }

    /** The dose at which the running total first goes strictly above {@code limit}; the last dose if none does. */
    public Dose crossing(double limit) {
        double sum = 0;
        for (Dose dose : doses) {
            sum += dose.percent();
            if (sum > limit + 1e-9) {
                return dose;
            }
        }
        return doses.get(doses.size() - 1);
    }

    /** Evidence such as "Antipsychotics on 2026-03-04: haloperidol 20 mg (100%) + olanzapine 2 mg (10%) = 110%". */
    public String evidence(double limit) {
        StringBuilder text = new StringBuilder("Antipsychotics given on " + day + ": ");
        for (int i = 0; i < doses.size(); i++) {
            Dose dose = doses.get(i);
            text.append(i == 0 ? "" : " + ")
                    .append(dose.ingredient())
                    .append(' ')
                    .append(Evidence.number(dose.mg()))
                    .append(" mg (")
                    .append(Evidence.number(Math.round(dose.percent() * 10) / 10.0))
                    .append("%)");
        }
        return text.append(" = ")
                .append(Evidence.number(Math.round(percent() * 10) / 10.0))
                .append("% of maximum (threshold > ")
                .append(Evidence.number(limit))
                .append("%)")
                .toString();
    }

    /**
     * Per-day totals of the given, non-depot antipsychotic doses that have a dose in mg and a configured maximum, for
     * doses inside the review window.
     */
    public static List<DailyAntipsychoticTotal> of(
            List<MedicationEvent> medications, ReviewWindow window, ZoneOffset offset, RulesConfig config) {
        Map<LocalDate, List<Dose>> byDay = new TreeMap<>();
        medications.stream()
                .filter(m -> m.given() && !m.depot() && m.doseMg() != null && window.covers(m.time()))
                .filter(m -> config.isA(m.ingredient(), "antipsychotic"))
                .sorted(Comparator.comparing(MedicationEvent::time))
                .forEach(m -> config.maxDailyDoseMg(m.ingredient())
                        .ifPresent(max -> byDay.computeIfAbsent(
                                        LocalDate.ofInstant(m.time(), offset), d -> new ArrayList<>())
                                .add(new Dose(
                                        m.source(), m.ingredient(), m.doseMg(), m.doseMg() * 100 / max, m.time()))));
        List<DailyAntipsychoticTotal> totals = new ArrayList<>();
        byDay.forEach((day, doses) -> totals.add(new DailyAntipsychoticTotal(day, doses)));
        return totals;
    }
}

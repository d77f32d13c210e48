package org.mhtrigger.review.report;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.mhtrigger.engine.measure.Completeness;
import org.mhtrigger.engine.measure.Measure;
import org.mhtrigger.engine.measure.Rate;
import org.mhtrigger.engine.measure.Spc;
import org.mhtrigger.review.store.MeasureQueries.PeriodData;

/**
 * The harm figures of a range of periods, analysed once, as every output shows them: the dashboard and its data
 * endpoint, the CSV, the FHIR export and the PDF board report are all drawn from one of these, so they cannot
 * disagree. Each period carries its completeness; each measure its {@link Spc} analysis. Immutable, thread-safe.
 *
 * @param from first month of the range (YYYY-MM)
 * @param to last month of the range (YYYY-MM)
 * @param periods the periods, oldest first
 * @param protocolChanges where the sampling protocol differs from the period before
 * @param measures one analysis per {@link Measure}, in declaration order
 */
public record HarmFigures(
        String from,
        String to,
        List<PeriodData> periods,
        List<ProtocolChange> protocolChanges,
        Map<Measure, MeasureFigures> measures) {
    public HarmFigures {
        periods = List.copyOf(periods);
        protocolChanges = List.copyOf(protocolChanges);
        measures = java.util.Collections.unmodifiableMap(new EnumMap<>(measures));
    }

    /** The protocol of period {@code index} differs from the one before it. */
    public record ProtocolChange(int index, String period, String protocol) {}

    /** One measure over the periods: its rates and their analysis. */
    public record MeasureFigures(Measure measure, List<Rate> rates, Spc.Analysis analysis) {
        public MeasureFigures {
            rates = List.copyOf(rates);
        }

        /** The latest period whose figure is final (included), or -1. */
        public int latestComplete() {
            return analysis.latestIncluded();
        }
    }

    /** Analyses {@code periods} (oldest first) with the measures' {@code targets}. */
    public static HarmFigures of(String from, String to, List<PeriodData> periods, Map<Measure, Double> targets) {
        List<ProtocolChange> changes = new ArrayList<>();
        List<Integer> starts = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        List<Boolean> complete = new ArrayList<>();
        for (int i = 0; i < periods.size(); i++) {
            PeriodData period = periods.get(i);
            labels.add(period.measures().period().label());
            complete.add(period.completeness().complete());
            String protocol = period.measures().protocol();
            if (i > 0 && !protocol.equals(periods.get(i - 1).measures().protocol())) {
                changes.add(new ProtocolChange(i, labels.getLast(), protocol));
                starts.add(i);
            }
        }
        Map<Measure, MeasureFigures> measures = new EnumMap<>(Measure.class);
        for (Measure measure : Measure.values()) {
            List<Rate> rates =
                    periods.stream().map(p -> p.measures().rate(measure)).toList();
            measures.put(
                    measure,
                    new MeasureFigures(
                            measure,
                            rates,
                            Spc.analyse(measure, labels, rates, complete, starts, targets.get(measure))));
        }
        return new HarmFigures(from, to, periods, changes, measures);
    }

    public MeasureFigures measure(Measure measure) {
        return measures.get(measure);
    }

    /** The period's completeness, by index. */
    public Completeness completeness(int index) {
        return periods.get(index).completeness();
    }

    /** The periods whose review is not finished, in order. */
    public List<PeriodData> unfinished() {
        return periods.stream().filter(p -> !p.completeness().complete()).toList();
    }
}

package org.mhtrigger.review.report;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.mhtrigger.engine.measure.Completeness;
import org.mhtrigger.engine.measure.Measure;
import org.mhtrigger.engine.measure.PeriodMeasures;
import org.mhtrigger.engine.measure.Rate;
import org.mhtrigger.engine.measure.Spc;
import org.mhtrigger.engine.measure.TriggerPpv;
import org.mhtrigger.review.store.MeasureQueries.PeriodData;

/**
 * The measures of a range of periods as CSV (one row per period and measure, with each period's review state) and JSON.
 * Stateless, thread-safe.
 */
public final class MeasureTables {
    private MeasureTables() {}

    /** The CSV's columns, in order. */
    public static final List<String> CSV_HEADER = List.of(
            "period",
            "review_state",
            "signed",
            "sampled",
            "measure",
            "title",
            "numerator",
            "denominator",
            "value",
            "final",
            "centre_line",
            "lower_limit",
            "upper_limit",
            "outside_limits",
            "protocol");

    /**
     * One row per period and measure ({@link #CSV_HEADER}): the figures, whether the period's review is finished
     * ("in review" rows are provisional: {@code final} is "no" and they count in no centre line or limit), and the
     * control chart's centre line and limits for that period.
     */
    public static String csv(HarmFigures figures) {
        StringBuilder out = new StringBuilder();
        try (CSVPrinter csv = new CSVPrinter(
                out,
                CSVFormat.RFC4180
                        .builder()
                        .setHeader(CSV_HEADER.toArray(String[]::new))
                        .get())) {
            for (int i = 0; i < figures.periods().size(); i++) {
                PeriodData period = figures.periods().get(i);
                Completeness completeness = period.completeness();
                for (Measure measure : Measure.values()) {
                    HarmFigures.MeasureFigures m = figures.measure(measure);
                    Rate rate = m.rates().get(i);
                    Spc.Point point = m.analysis().points().get(i);
                    csv.printRecord(
                            period.measures().period().label(),
                            completeness.state().label(),
                            completeness.signed(),
                            completeness.sampled(),
                            measure.code(),
                            measure.title(),
                            number(rate.numerator()),
                            number(rate.denominator()),
                            rate.defined() ? number(rate.value()) : "",
                            point.included() ? "yes" : "no",
                            figure(point.centre()),
                            figure(point.lower()),
                            figure(point.upper()),
                            point.outside() ? "yes" : "no",
                            period.measures().protocol());
                }
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e); // a StringBuilder does not fail
        }
        return out.toString();
    }

    private static String figure(double value) {
        return Double.isNaN(value) ? "" : number(value);
    }

    /**
     * {"periods": [{"period", "sampled", "authenticated", "protocol", "measures": [{code, title, numerator, denominator,
     * value}], "byHarmCategory", "byOutcomeClass", "harmEventsByTrigger", "aeRateByWard", "triggerPpv"}]}.
     */
    public static String json(List<PeriodData> periods) {
        StringBuilder json = new StringBuilder("{\n  \"periods\": [");
        for (int p = 0; p < periods.size(); p++) {
            PeriodData period = periods.get(p);
            json.append(p == 0 ? "\n" : ",\n")
                    .append("    {\"period\": ")
                    .append(string(period.measures().period().label()))
                    .append(", \"sampled\": ")
                    .append(period.sampled())
                    .append(", \"authenticated\": ")
                    .append(period.authenticated())
                    .append(", \"reviewState\": ")
                    .append(string(period.completeness().state().label()))
                    .append(", \"protocol\": ")
                    .append(string(period.measures().protocol()))
                    .append(", \"measures\": [");
            Measure[] measures = Measure.values();
            for (int m = 0; m < measures.length; m++) {
                Rate rate = period.measures().rate(measures[m]);
                json.append(m == 0 ? "\n" : ",\n")
                        .append("      {\"code\": ")
                        .append(string(measures[m].code()))
                        .append(", \"title\": ")
                        .append(string(measures[m].title()))
                        .append(", \"numerator\": ")
                        .append(number(rate.numerator()))
                        .append(", \"denominator\": ")
                        .append(number(rate.denominator()))
                        .append(", \"value\": ")
                        .append(rate.defined() ? number(rate.value()) : "null")
                        .append('}');
            }
            json.append("\n    ]");
            breakdowns(json, period.measures());
            json.append('}');
        }
        return json.append("\n  ]\n}\n").toString();
    }

    /**
     * The period's breakdowns: confirmed events by harm category and by outcome class, harm events by trigger, the
     * adverse-event rate by ward, and each trigger's positive predictive value.
     */
    private static void breakdowns(StringBuilder json, PeriodMeasures measures) {
        Map<String, Integer> byHarm = new LinkedHashMap<>();
        measures.byHarmCategory().forEach((category, count) -> byHarm.put(category.name(), count));
        Map<String, Integer> byOutcome = new LinkedHashMap<>();
        measures.byOutcomeClass().forEach((outcome, count) -> byOutcome.put(outcome.label(), count));
        counts(json, "byHarmCategory", byHarm);
        counts(json, "byOutcomeClass", byOutcome);
        counts(json, "harmEventsByTrigger", measures.harmEventsByTrigger());
        String separator = "";
        json.append(",\n     \"aeRateByWard\": {");
        for (var e : measures.aeRateByWard().entrySet()) {
            Rate rate = e.getValue();
            json.append(separator)
                    .append(string(e.getKey()))
                    .append(": {\"numerator\": ")
                    .append(number(rate.numerator()))
                    .append(", \"denominator\": ")
                    .append(number(rate.denominator()))
                    .append(", \"value\": ")
                    .append(rate.defined() ? number(rate.value()) : "null")
                    .append('}');
            separator = ", ";
        }
        json.append("},\n     \"triggerPpv\": {");
        separator = "";
        for (var e : measures.triggerPpv().entrySet()) {
            TriggerPpv ppv = e.getValue();
            json.append(separator)
                    .append(string(e.getKey()))
                    .append(": {\"hits\": ")
                    .append(ppv.hits())
                    .append(", \"positive\": ")
                    .append(ppv.positive())
                    .append(", \"ppv\": ")
                    .append(ppv.hits() == 0 ? "null" : number(ppv.ppv()))
                    .append('}');
            separator = ", ";
        }
        json.append('}');
    }

    /** {@code ,\n "name": {"key": count, ...}} */
    private static void counts(StringBuilder json, String name, Map<String, Integer> counts) {
        json.append(",\n     ").append(string(name)).append(": {");
        String separator = "";
        for (var e : counts.entrySet()) {
            json.append(separator).append(string(e.getKey())).append(": ").append(e.getValue());
            separator = ", ";
        }
        json.append('}');
    }

    /** Plain decimal, at most 4 places, no exponent: 9.375, 30, 0.3333. */
    public static String number(double value) {
        String text = new java.math.BigDecimal(value)
                .setScale(4, java.math.RoundingMode.HALF_UP)
                .stripTrailingZeros()
                .toPlainString();
        return text.equals("-0") ? "0" : text;
    }

    private static String quote(String text) {
        return "\"" + text.replace("\"", "\"\"") + "\"";
    }

    private static String string(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}

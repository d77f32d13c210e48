package org.mhtrigger.review.report;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.mhtrigger.engine.measure.Measure;
import org.mhtrigger.engine.measure.PeriodMeasures;
import org.mhtrigger.engine.measure.Rate;
import org.mhtrigger.engine.measure.TriggerPpv;
import org.mhtrigger.review.store.MeasureQueries.PeriodData;

/** The measures of a range of periods as CSV (one row per period and measure) and JSON. Stateless, thread-safe. */
public final class MeasureTables {
    private MeasureTables() {}

    /** Header: period, measure, title, numerator, denominator, value, sampled, authenticated, protocol. */
    public static String csv(List<PeriodData> periods) {
        StringBuilder csv = new StringBuilder(
                "period,measure,title,numerator,denominator,value,sampled,authenticated,protocol\r\n");
        for (PeriodData period : periods) {
            for (Measure measure : Measure.values()) {
                Rate rate = period.measures().rate(measure);
                csv.append(String.join(
                                ",",
                                period.measures().period().label(),
                                measure.code(),
                                quote(measure.title()),
                                number(rate.numerator()),
                                number(rate.denominator()),
                                rate.defined() ? number(rate.value()) : "",
                                Integer.toString(period.sampled()),
                                Integer.toString(period.authenticated()),
                                quote(period.measures().protocol())))
                        .append("\r\n");
            }
        }
        return csv.toString();
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

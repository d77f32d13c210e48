package org.mhtrigger.review.report;

import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.mhtrigger.engine.measure.Completeness;
import org.mhtrigger.engine.measure.Measure;
import org.mhtrigger.engine.measure.PeriodMeasures;
import org.mhtrigger.engine.measure.Rate;
import org.mhtrigger.engine.measure.Spc;
import org.mhtrigger.review.store.MeasureQueries.PeriodData;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.PrettyPrinter;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The measures of a range of periods as CSV (one row per period and measure, with each period's review state; written
 * by Commons CSV) and JSON (written by Jackson). Stateless, thread-safe.
 */
public final class MeasureTables {
    /** Numbers written as {@link #number} gives them: plain decimals, never with an exponent. */
    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .build();

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
     * {"periods": [{"period", "sampled", "authenticated", "reviewState", "protocol", "measures": [{code, title,
     * numerator, denominator, value}], "byHarmCategory", "byOutcomeClass", "harmEventsByTrigger", "aeRateByWard",
     * "triggerPpv"}]}, one period a line with its measures one a line ({@link Layout}).
     */
    public static String json(List<PeriodData> periods) {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode list = root.putArray("periods");
        for (PeriodData period : periods) {
            ObjectNode p = list.addObject();
            p.put("period", period.measures().period().label());
            p.put("sampled", period.sampled());
            p.put("authenticated", period.authenticated());
            p.put("reviewState", period.completeness().state().label());
            p.put("protocol", period.measures().protocol());
            ArrayNode measures = p.putArray("measures");
            for (Measure measure : Measure.values()) {
                ObjectNode m = measures.addObject();
                m.put("code", measure.code());
                m.put("title", measure.title());
                rate(m, period.measures().rate(measure));
            }
            breakdowns(p, period.measures());
        }
        return JSON.writer().with(new Layout()).writeValueAsString(root) + "\n";
    }

    /**
     * The period's breakdowns: confirmed events by harm category and by outcome class, harm events by trigger, the
     * adverse-event rate by ward, and each trigger's positive predictive value.
     */
    private static void breakdowns(ObjectNode period, PeriodMeasures measures) {
        ObjectNode byHarm = period.putObject("byHarmCategory");
        measures.byHarmCategory().forEach((category, count) -> byHarm.put(category.name(), count));
        ObjectNode byOutcome = period.putObject("byOutcomeClass");
        measures.byOutcomeClass().forEach((outcome, count) -> byOutcome.put(outcome.label(), count));
        ObjectNode byTrigger = period.putObject("harmEventsByTrigger");
        measures.harmEventsByTrigger().forEach(byTrigger::put);
        ObjectNode byWard = period.putObject("aeRateByWard");
        measures.aeRateByWard().forEach((ward, rate) -> rate(byWard.putObject(ward), rate));
        ObjectNode ppvs = period.putObject("triggerPpv");
        measures.triggerPpv().forEach((trigger, ppv) -> {
            ObjectNode t = ppvs.putObject(trigger);
            t.put("hits", ppv.hits());
            t.put("positive", ppv.positive());
            if (ppv.hits() == 0) {
                t.putNull("ppv");
            } else {
                t.put("ppv", decimal(ppv.ppv()));
            }
        });
    }

    /** numerator, denominator and value (null when the rate is undefined) as {@link #number} writes them. */
    private static void rate(ObjectNode node, Rate rate) {
        node.put("numerator", decimal(rate.numerator()));
        node.put("denominator", decimal(rate.denominator()));
        if (rate.defined()) {
            node.put("value", decimal(rate.value()));
        } else {
            node.putNull("value");
        }
    }

    /** {@link #number} as a JSON number: written plain (no exponent) by {@link #JSON}. */
    private static BigDecimal decimal(double value) {
        return new BigDecimal(number(value));
    }

    /**
     * The report's JSON layout, which readers of the files have seen since the first release: the top object and the
     * period list broken over lines, each period on one line but for its measures, one a line, and its breakdowns,
     * each on a line of its own (after the five figures and the measures, the period's sixth entry). Depths count
     * from the top object (1): periods 2, a period 3, its measures and breakdowns 4. One per document.
     */
    private static final class Layout implements PrettyPrinter {
        private static final int TOP = 1;
        private static final int PERIODS = 2;
        private static final int PERIOD = 3;
        private static final int MEASURES = 4;
        /** Entries of a period written on its first line: period, sampled, authenticated, reviewState, protocol, measures. */
        private static final int PERIOD_FIRST_LINE = 6;

        /** Entries written so far in each open container, innermost last. */
        private final Deque<int[]> open = new ArrayDeque<>();

        @Override
        public void writeRootValueSeparator(JsonGenerator g) {}

        @Override
        public void writeStartObject(JsonGenerator g) {
            g.writeRaw('{');
            open.push(new int[] {0});
        }

        @Override
        public void beforeObjectEntries(JsonGenerator g) {
            if (open.size() == TOP) {
                g.writeRaw("\n  ");
            }
        }

        @Override
        public void writeObjectNameValueSeparator(JsonGenerator g) {
            g.writeRaw(": ");
        }

        @Override
        public void writeObjectEntrySeparator(JsonGenerator g) {
            int entries = ++open.peek()[0];
            g.writeRaw(open.size() == PERIOD && entries >= PERIOD_FIRST_LINE ? ",\n     " : ", ");
        }

        @Override
        public void writeEndObject(JsonGenerator g, int entries) {
            open.pop();
            g.writeRaw(open.isEmpty() ? "\n}" : "}");
        }

        @Override
        public void writeStartArray(JsonGenerator g) {
            g.writeRaw('[');
            open.push(new int[] {0});
        }

        @Override
        public void beforeArrayValues(JsonGenerator g) {
            g.writeRaw(lineStart());
        }

        @Override
        public void writeArrayValueSeparator(JsonGenerator g) {
            g.writeRaw(",");
            g.writeRaw(lineStart());
        }

        @Override
        public void writeEndArray(JsonGenerator g, int values) {
            open.pop();
            g.writeRaw(open.size() == TOP ? "\n  ]" : "\n    ]");
        }

        /** A new line for the next value of the innermost array: periods indented 4, measures 6. */
        private String lineStart() {
            return open.size() == PERIODS ? "\n    " : "\n      ";
        }
    }

    /** Plain decimal, at most 4 places, no exponent: 9.375, 30, 0.3333. */
    public static String number(double value) {
        String text = new java.math.BigDecimal(value)
                .setScale(4, java.math.RoundingMode.HALF_UP)
                .stripTrailingZeros()
                .toPlainString();
        return text.equals("-0") ? "0" : text;
    }
}

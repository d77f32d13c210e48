package org.mhtrigger.rules.internal;

import java.math.BigDecimal;
import java.util.Locale;
import org.mhtrigger.engine.record.LabResult;
import org.mhtrigger.engine.record.MedicationEvent;
import org.mhtrigger.engine.record.Route;

/**
 * Builds the evidence line of a structured finding, e.g. {@code "Lithium 1.7 mmol/L (threshold 1.5)"}. Values that
 * were converted keep their original value and unit: {@code "Glucose 45 mg/dL = 2.50 mmol/L (threshold < 2.8)"}.
 * Stateless, thread-safe.
 */
public final class Evidence {
    private Evidence() {}

    /**
     * A lab value against its threshold.
     *
     * @param label what a reader calls it ("Lithium")
     * @param operator how the threshold is compared; {@code ""} for "at or above", else {@code "<"}, {@code ">"},
     *     {@code "<="}
     */
    public static String lab(String label, LabResult lab, String operator, double threshold) {
        return label + " " + value(lab) + " (threshold " + (operator.isEmpty() ? "" : operator + " ")
                + number(threshold) + ")";
    }

    /** A lab value in a band, e.g. {@code "(warning band 1.0 to < 1.5)"}. */
    public static String band(String label, LabResult lab, String band, double from, double below) {
        return label + " " + value(lab) + " (" + band + " " + number(from) + " to < " + number(below) + ")";
    }

    /** A lab value against the first value of the stay. */
    public static String baseline(String label, LabResult lab, LabResult first, String rule) {
        return label + " " + value(lab) + ", first value of the stay " + value(first) + " (threshold " + rule + ")";
    }

    /** The value as given and, when converted from another unit, its SI value. */
    public static String value(LabResult lab) {
        String given = number(lab.value()) + (lab.unit().isEmpty() ? "" : " " + lab.unit());
        if (lab.siValue() == null
                || lab.unit().equals(lab.siUnit())
                || lab.unit().isEmpty()) {
            return given;
        }
        return given + " = " + String.format(Locale.ROOT, "%.2f", lab.siValue()) + " " + lab.siUnit();
    }

    /** A number without trailing zeros: 1.5, 130, 0.25. */
    public static String number(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    /** A dose in mg, e.g. "10 mg", or "dose not recorded". */
    public static String dose(Double doseMg) {
        return doseMg == null ? "dose not recorded" : number(doseMg) + " mg";
    }

    /**
     * A medication event as a reader sees it: "Procyclidine 5 mg IM given as required", "Lithium order stopped",
     * "Clozapine 200 mg oral not given".
     */
    public static String medication(MedicationEvent event) {
        String name = event.ingredient().isEmpty()
                ? event.ingredient()
                : Character.toUpperCase(event.ingredient().charAt(0))
                        + event.ingredient().substring(1);
        StringBuilder text = new StringBuilder(name);
        if (event.doseMg() != null) {
            text.append(' ').append(number(event.doseMg())).append(" mg");
        }
        if (event.route() != Route.UNKNOWN) {
            text.append(' ').append(route(event.route()));
        }
        if (event.depot()) {
            text.append(" (depot)");
        }
        if (event.administration()) {
            text.append(event.given() ? " given" : " not given");
        } else {
            text.append(" order ").append(event.status().isEmpty() ? "without status" : event.status());
        }
        if (event.prn()) {
            text.append(" as required");
        }
        return text.toString();
    }

    private static String route(Route route) {
        return switch (route) {
            case ORAL -> "oral";
            case INTRAMUSCULAR -> "IM";
            case INTRAVENOUS -> "IV";
            case SUBCUTANEOUS -> "SC";
            case RECTAL -> "rectal";
            case BUCCAL -> "buccal";
            case INHALED -> "inhaled";
            case TOPICAL -> "topical";
            case OTHER, UNKNOWN -> "other route";
        };
    }
}

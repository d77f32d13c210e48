package org.mhtrigger.fhir.internal.mapping;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;
import java.util.Optional;

/**
 * SI units of analytes and factors from the units found in input. Immutable, thread-safe.
 *
 * @param siUnits analyte → its SI unit as written in results
 * @param factors analyte → normalised unit → multiplier to the SI unit
 */
public record UnitTable(Map<String, String> siUnits, Map<String, Map<String, Double>> factors) {
    public UnitTable {
        siUnits = Map.copyOf(siUnits);
        factors = Map.copyOf(factors);
    }

    /** The unit compared without case, spaces or the micro sign's spelling: {@code "µmol/L"} is {@code "umol/l"}. */
    public static String normaliseUnit(String unit) {
        if (unit == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(unit.length());
        for (int i = 0; i < unit.length(); i++) {
            char c = unit.charAt(i);
            switch (c) {
                case ' ', '\t', '\n', '\u000B', '\f', '\r' -> {
                    // white space, what the pattern \s names, is dropped (a regex per result was dear)
                }
                case 'µ', 'μ' -> out.append('u');
                default -> out.append(c);
            }
        }
        return out.toString().toLowerCase(java.util.Locale.ROOT);
    }

    public Optional<String> siUnit(String analyte) {
        return Optional.ofNullable(siUnits.get(analyte));
    }

    /**
     * The value in the analyte's SI unit, rounded to 6 decimals to drop binary noise ({@code 2.5 × 88.42} is {@code
     * 221.05}); empty when no row converts {@code unit} for {@code analyte}.
     */
    public Optional<Double> toSi(String analyte, double value, String unit) {
        Map<String, Double> byUnit = factors.get(analyte);
        if (byUnit == null) {
            return Optional.empty();
        }
        Double factor = byUnit.get(normaliseUnit(unit));
        if (factor == null) {
            return Optional.empty();
        }
        double si = BigDecimal.valueOf(value)
                .multiply(BigDecimal.valueOf(factor))
                .setScale(6, RoundingMode.HALF_UP)
                .doubleValue();
        return Optional.of(si);
    }
}

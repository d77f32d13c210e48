package org.mhtrigger.corpus.internal;

import java.time.ZonedDateTime;
import java.util.List;

/**
 * Plants the triggers of the Laboratory module (MH-L01 to MH-L09): results over each threshold, and results just on the safe side of it. Stateless, thread-safe.
 */
final class LaboratoryPlanter implements Planter {
    @Override
    public void structured(StayBuild s, String code, ZonedDateTime at) {
        switch (code) {
            case "MH-L01" -> s.lab("lithium", Seeds.pick(s.random, 1.5, 1.6, 1.8, 2.1), at);
            case "MH-L02" -> {
                if (s.random.nextBoolean()) {
                    s.lab("neutrophils", Seeds.pick(s.random, 1.1, 1.3, 1.4), at);
                } else {
                    s.lab("wbc", Seeds.pick(s.random, 2.4, 2.8, 2.9), at);
                }
            }
            case "MH-L03" -> s.lab("sodium", Seeds.pick(s.random, 124.0, 126.0, 128.0, 129.0), at);
            case "MH-L04" -> s.lab("potassium", Seeds.pick(s.random, 2.6, 2.8, 2.9, 6.2, 6.5), at);
            case "MH-L05" ->
                s.lab(
                        "qtc",
                        s.random.nextBoolean()
                                ? 505 + s.random.nextInt(30)
                                : s.baselines.get("qtc") + 65 + s.random.nextInt(10),
                        at);
            case "MH-L06" ->
                s.lab("creatinine", s.baselines.get("creatinine") * Seeds.pick(s.random, 2.2, 2.5, 3.0), at);
            case "MH-L07" -> s.lab("glucose", Seeds.pick(s.random, 2.1, 2.4, 2.6, 2.7), at);
            case "MH-L08" -> s.lab("alt", Seeds.pick(s.random, 135.0, 160.0, 240.0), at);
            case "MH-L09" -> s.lab("ck", Seeds.pick(s.random, 1450.0, 2300.0, 5600.0), at);
            default -> throw new IllegalArgumentException("no structured form for " + code);
        }
    }

    @Override
    public String nearMiss(StayBuild s, String code, ZonedDateTime at, boolean first) {
        switch (code) {
            case "MH-L01" -> {
                if (s.critical == null || !(s.critical.equals("lithium") || s.requirements.contains("lithium-too"))) {
                    return null;
                }
                if (s.stay.lengthOfStayDays() > 100 && s.random.nextDouble() < 0.3) {
                    // high, but after the 90-day review window
                    return s.lab("lithium", 1.8, s.stay.admitted().plusDays(95));
                }
                return s.lab("lithium", first ? 1.49 : 1.4, at);
            }
            case "MH-L02" -> {
                if ("clozapine".equals(s.critical)) {
                    return first ? s.lab("neutrophils", 1.5, at) : s.lab("wbc", 3.0, at);
                }
                return s.lab("neutrophils", 1.3, at);
            }
            case "MH-L03" -> {
                return s.lab("sodium", first ? 130 : 131, at);
            }
            case "MH-L04" -> {
                return s.lab("potassium", first ? 3.0 : 6.0, at);
            }
            case "MH-L05" -> {
                // just under both limits: under 500 ms, and no more than 60 ms above the first QTc
                double edge = s.baselines.get("qtc") + 60;
                return s.lab("qtc", first ? Math.min(499, edge) : edge, at);
            }
            case "MH-L06" -> {
                double factor = first && !s.usUnits ? 2.0 : 1.9;
                return s.lab("creatinine", s.baselines.get("creatinine") * factor, at);
            }
            case "MH-L07" -> {
                double r = s.random.nextDouble();
                if (r < 0.4) {
                    return s.lab("glucose", 3.1, at, "SI", "final");
                } else if (r < 0.7) {
                    return s.lab("glucose", 2.8, at, "SI", "final");
                }
                return s.lab("glucose", 51 / 18.016, at, "US", "final");
            }
            case "MH-L08" -> {
                return s.lab("alt", first ? 120 : 118, at);
            }
            case "MH-L09" -> {
                return s.lab("ck", first ? 1000 : 980, at);
            }
            default -> throw new IllegalArgumentException("no near-miss for " + code);
        }
    }

    @Override
    public List<String> nearMissCodes() {
        return List.of("MH-L01", "MH-L02", "MH-L03", "MH-L04", "MH-L05", "MH-L06", "MH-L07", "MH-L08", "MH-L09");
    }
}

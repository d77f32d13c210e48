package org.mhtrigger.corpus.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The trigger codes the corpus plants and the data sources each may fire from (docs/spec/triggers.md). MH-C07 is reviewer-only
 * and never planted. Stateless, thread-safe.
 */
public final class Triggers {
    /** Where a trigger may fire from. */
    public enum Source {
        STRUCTURED,
        TEXT,
        BOTH
    }

    private static final Map<String, Source> SOURCES = new TreeMap<>();

    static {
        for (String code : List.of(
                "MH-C01", "MH-C02", "MH-C03", "MH-C04", "MH-C05", "MH-C06", "MH-C08", "MH-C09", "MH-B01", "MH-B02",
                "MH-B05", "MH-R01", "MH-R02", "MH-R03", "MH-M01", "MH-M02", "MH-M03", "MH-M04", "MH-M05", "MH-M06",
                "MH-Q01", "MH-Q02")) {
            SOURCES.put(code, Source.BOTH);
        }
        for (String code : List.of("MH-B03", "MH-B04", "MH-B06", "MH-Q03")) {
            SOURCES.put(code, Source.TEXT);
        }
        for (String code : List.of(
                "MH-M07", "MH-M08", "MH-M09", "MH-L01", "MH-L02", "MH-L03", "MH-L04", "MH-L05", "MH-L06", "MH-L07",
                "MH-L08", "MH-L09", "MH-X01", "MH-X02")) {
            SOURCES.put(code, Source.STRUCTURED);
        }
    }

    private Triggers() {}

    /** Every code the generator plants, sorted (all of docs/spec/triggers.md except MH-C07). */
    public static List<String> codes() {
        return List.copyOf(SOURCES.keySet());
    }

    public static Source source(String code) {
        Source source = SOURCES.get(code);
        if (source == null) {
            throw new IllegalArgumentException("trigger " + code + " is not planted by the corpus generator");
        }
        return source;
    }

    /** The ways a trigger can be shown in a stay. */
    public enum Variant {
        TEXT_ONLY,
        STRUCTURED_ONLY,
        BOTH;

        boolean text() {
            return this != STRUCTURED_ONLY;
        }

        boolean structured() {
            return this != TEXT_ONLY;
        }
    }

    /** A trigger shown in one way. */
    public record Planting(String trigger, Variant variant) {}

    /**
     * The showcase rotation: every trigger planted in every way its sources allow. Triggers that come from the
     * patient's timeline (readmission, emergency contact after discharge, death) are left to the planner, and the two
     * "missing document" triggers have a single way (the document is absent).
     */
    static List<Planting> showcase() {
        List<Planting> all = new ArrayList<>();
        for (Variant variant : Variant.values()) {
            for (String code : SOURCES.keySet()) {
                if (code.equals("MH-X01") || code.equals("MH-X02") || code.equals("MH-C06")) {
                    continue;
                }
                boolean absence = code.equals("MH-Q01") || code.equals("MH-Q02");
                Source source = SOURCES.get(code);
                boolean allowed = switch (variant) {
                    case TEXT_ONLY -> source != Source.STRUCTURED && !absence;
                    case STRUCTURED_ONLY -> source != Source.TEXT;
                    case BOTH -> source == Source.BOTH && !absence;
                };
                if (allowed) {
                    all.add(new Planting(code, variant));
                }
            }
        }
        return List.copyOf(all);
    }
}

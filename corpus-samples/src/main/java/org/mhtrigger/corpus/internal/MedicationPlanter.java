package org.mhtrigger.corpus.internal;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;

/**
 * Plants the triggers of the Medication module (MH-M01 to MH-M09): reversal agents, EPSE treatment, oversedation signs, stopped and omitted critical medicines, laxatives, antiemetics and high-dose antipsychotic days, with their near-threshold negatives. Stateless, thread-safe.
 */
final class MedicationPlanter implements Planter {
    @Override
    public void structured(StayBuild s, String code, ZonedDateTime at) {
        switch (code) {
            case "MH-M01" ->
                s.administration(
                        Drug.of("naloxone"),
                        0.4,
                        "mg",
                        Seeds.pick(s.random, "IM", "IV"),
                        at,
                        "completed",
                        "opioid toxicity",
                        null,
                        null);
            case "MH-M02" ->
                s.administration(
                        Drug.of("flumazenil"), 0.2, "mg", "IV", at, "completed", "benzodiazepine toxicity", null, null);
            case "MH-M03" -> {
                if (s.random.nextBoolean()) {
                    s.administration(
                            Drug.of(Seeds.pick(s.random, "procyclidine", "procyclidine", "benzatropine")),
                            5,
                            "mg",
                            Seeds.pick(s.random, "IM", "PO"),
                            at,
                            "completed",
                            "acute dystonia",
                            null,
                            null);
                } else {
                    s.order(
                            Drug.of("procyclidine"),
                            5,
                            "mg",
                            "PO",
                            at,
                            s.random.nextBoolean(),
                            "active",
                            null,
                            "5mg TDS for EPSE");
                }
            }
            case "MH-M04" -> {
                double r = s.random.nextDouble();
                if (r < 0.4) {
                    s.vitals(at, 78 + s.random.nextInt(11), 0);
                } else if (r < 0.7) {
                    s.lab("respiratory-rate", 6 + s.random.nextInt(3), at);
                } else {
                    s.lab("gcs", 6 + s.random.nextInt(3), at);
                }
            }
            case "MH-M05" -> {
                String key = s.critical == null ? "lithium" : s.critical;
                s.order(
                        Drug.of(key),
                        key.equals("clozapine") ? s.mainDose : 800,
                        "mg",
                        "PO",
                        at,
                        false,
                        s.random.nextBoolean() ? "stopped" : "on-hold",
                        Seeds.pick(
                                s.random, "stopped by medical team", "withheld pending review", "withheld - toxicity"),
                        null);
            }
            case "MH-M06" -> laxative(s, at);
            case "MH-M07" -> antiemetic(s, at, "completed");
            case "MH-M08" -> highDose(s, at);
            case "MH-M09" -> {
                String key = s.critical == null ? "lithium" : s.critical;
                if (s.diabetic && s.random.nextBoolean()) {
                    key = "insulin";
                }
                s.administration(
                        Drug.of(key),
                        key.equals("insulin") ? 20 : key.equals("clozapine") ? s.mainDose : 400,
                        key.equals("insulin") ? "U" : "mg",
                        key.equals("insulin") ? "SC" : "PO",
                        at,
                        "not-done",
                        null,
                        Seeds.pick(
                                s.random,
                                "Patient refused",
                                "Patient on leave",
                                "Not available on ward",
                                "Omitted - patient asleep"),
                        s.orders.get(key));
            }
            default -> throw new IllegalArgumentException("no structured form for " + code);
        }
    }

    @Override
    public String nearMiss(StayBuild s, String code, ZonedDateTime at, boolean first) {
        switch (code) {
            case "MH-M04" -> {
                return first ? s.vitals(at, 90, 0) : s.lab("respiratory-rate", 10, at);
            }
            case "MH-M07" -> {
                if (first) {
                    antiemetic(s, at, "not-done");
                    return s.lastId();
                }
                return s.order(Drug.of("cyclizine"), 50, "mg", "PO", at, true, "active", null, "50mg TDS PRN nausea");
            }
            case "MH-M08" -> {
                LocalDate day = at.toLocalDate();
                for (int i = 0;
                        i < 5
                                && (s.percentOn(day) > 0
                                        || day.equals(s.stay.discharged().toLocalDate()));
                        i++) {
                    day = day.minusDays(1);
                }
                if (s.percentOn(day) > 0
                        || !day.isAfter(s.stay.admitted().toLocalDate().plusDays(1))) {
                    return null;
                }
                ZonedDateTime morning = at.with(day).withHour(9).withMinute(0);
                Drug regular = s.mainDrug.antipsychotic() ? s.mainDrug : Drug.of("olanzapine");
                if (first) {
                    s.oralDoseGiven(regular, regular.maxDailyMg(), morning, null, s.orders.get(regular.key()));
                    return s.lastId();
                }
                // two drugs at 50% each: exactly 100%, which does not fire
                Drug other = regular.key().equals("haloperidol") ? Drug.of("olanzapine") : Drug.of("haloperidol");
                s.oralDoseGiven(regular, regular.maxDailyMg() / 2, morning, null, s.orders.get(regular.key()));
                s.oralDoseGiven(other, other.maxDailyMg() / 2, morning.withHour(17), "agitation", null);
                return s.lastId();
            }
            case "MH-M09" -> {
                s.administration(
                        Drug.of(Seeds.pick(s.random, "sertraline", "paracetamol", "mirtazapine")),
                        50,
                        "mg",
                        "PO",
                        at,
                        "not-done",
                        null,
                        "Patient refused",
                        null);
                return s.lastId();
            }
            default -> throw new IllegalArgumentException("no near-miss for " + code);
        }
    }

    void laxative(StayBuild s, ZonedDateTime at) {
        switch (Seeds.pick(s.random, "senna", "lactulose", "macrogol")) {
            case "senna" -> s.oralDoseGiven(Drug.of("senna"), 15, at, "constipation", null);
            case "lactulose" ->
                s.administration(Drug.of("lactulose"), 15, "mL", "PO", at, "completed", "constipation", null, null);
            default ->
                s.administration(Drug.of("macrogol"), 13.8, "g", "PO", at, "completed", "constipation", null, null);
        }
    }

    void antiemetic(StayBuild s, ZonedDateTime at, String status) {
        String key = Seeds.pick(s.random, "cyclizine", "ondansetron", "metoclopramide", "prochlorperazine");
        double amount = switch (key) {
            case "cyclizine" -> 50;
            case "ondansetron" -> 4;
            case "metoclopramide" -> 10;
            default -> 12.5;
        };
        String route = key.equals("prochlorperazine") ? "IM" : Seeds.pick(s.random, "PO", "IM", "IV");
        s.administration(
                Drug.of(key),
                amount,
                "mg",
                route,
                at,
                status,
                "nausea",
                status.equals("not-done") ? "Patient declined" : null,
                null);
    }

    void highDose(StayBuild s, ZonedDateTime at) {
        // the regular dose at its maximum plus an oral PRN antipsychotic: strictly above 100% of the maximum
        if (at.toLocalDate().equals(s.stay.discharged().toLocalDate())) {
            at = at.minusDays(1);
        }
        Drug regular = s.mainDrug.antipsychotic() ? s.mainDrug : Drug.of("olanzapine");
        Drug prn = regular.key().equals("haloperidol") ? Drug.of("olanzapine") : Drug.of("haloperidol");
        s.oralDoseGiven(regular, regular.maxDailyMg(), at.withHour(9).withMinute(0), null, s.orders.get(regular.key()));
        s.oralDoseGiven(prn, prn.maxDailyMg() / 4, at.withHour(16).withMinute(30), "agitation", null);
    }

    /**
     * MH-M08 from the doses actually written, not only the planned high-dose day: routine doses can add up to
     * more than 100% on a day too (in the review window, which ends 90 days after admission).
     */
    void antipsychoticGold(StayBuild s) {
        java.time.LocalDate first = s.stay.admitted().toLocalDate();
        ZonedDateTime cap = s.stay.admitted().plusDays(90);
        java.time.LocalDate last = (s.stay.discharged().isBefore(cap) ? s.stay.discharged() : cap).toLocalDate();
        for (var day : s.antipsychoticPercent.entrySet()) {
            if (day.getValue() > 100.0 + 1e-9
                    && !day.getKey().isBefore(first)
                    && !day.getKey().isAfter(last)) {
                s.structured("MH-M08");
                return;
            }
        }
    }

    @Override
    public void admissionFlags(StayBuild s) {
        if ("clozapine".equals(s.critical)) {
            s.flag(
                    "Clozapine - FBC required before dispensing",
                    s.stay.admitted().plusHours(3),
                    "active");
        }
    }

    @Override
    public List<String> nearMissCodes() {
        return List.of("MH-M04", "MH-M07", "MH-M08", "MH-M09");
    }
}

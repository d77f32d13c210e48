package org.mhtrigger.corpus.internal;

import java.time.ZonedDateTime;

/**
 * Plants the triggers of the Restrictive practice module (MH-R01 to MH-R03): restraint and seclusion procedures and rapid tranquillisation. Stateless, thread-safe.
 */
final class RestrictivePlanter implements Planter {
    @Override
    public void structured(StayBuild s, String code, ZonedDateTime at) {
        switch (code) {
            case "MH-R01" ->
                s.procedure(
                        "386423001",
                        "Physical restraint",
                        Seeds.pick(
                                s.random,
                                "Physical restraint",
                                "Prone restraint",
                                "Manual restraint",
                                "Restraint - supine"),
                        at,
                        at.plusMinutes(3 + s.random.nextInt(12)));
            case "MH-R02" -> s.procedure(null, null, "Seclusion", at, at.plusHours(2 + s.random.nextInt(10)));
            case "MH-R03" -> rapidTranquillisation(s, at);
            default -> throw new IllegalArgumentException("no structured form for " + code);
        }
    }

    void rapidTranquillisation(StayBuild s, ZonedDateTime at) {
        String key = Seeds.pick(
                s.random,
                "lorazepam",
                "lorazepam",
                "haloperidol",
                "promethazine",
                "olanzapine",
                "zuclopenthixol-acetate",
                "midazolam",
                "aripiprazole");
        double amount = switch (key) {
            case "lorazepam" -> 2;
            case "haloperidol" -> 5;
            case "promethazine" -> 50;
            case "olanzapine" -> 10;
            case "zuclopenthixol-acetate" -> 50;
            case "midazolam" -> 5;
            default -> 9.75;
        };
        Drug drug = Drug.of(key);
        if (drug.antipsychotic() && s.percentOn(at.toLocalDate()) + 100.0 * amount / drug.maxDailyMg() > 100.0) {
            drug = Drug.of("lorazepam");
            amount = 2;
        }
        String route = key.equals("midazolam") ? "IM" : s.random.nextDouble() < 0.85 ? "IM" : "IV";
        s.administration(
                drug,
                amount,
                "mg",
                route,
                at,
                "completed",
                Seeds.pick(s.random, "acute behavioural disturbance", "rapid tranquillisation", "severe agitation"),
                null,
                null);
    }
}

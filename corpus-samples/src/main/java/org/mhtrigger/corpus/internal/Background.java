package org.mhtrigger.corpus.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Routine clinical text with no trigger in it: the lines that surround trigger phrases in real ward notes, read from
 * {@code org/mhtrigger/corpus/routine-text.tsv}. Lines prefixed {@code uk:} or {@code sg:} are used only at that site. Stateless, thread-safe.
 */
final class Background {
    private static final Map<String, List<String>> BANKS = load();

    private Background() {}

    /** Diagnosis families decide the story the routine text tells. */
    enum Family {
        PSYCHOSIS,
        MANIA,
        DEPRESSION,
        PERSONALITY,
        DEMENTIA
    }

    static final List<String> NURSING_TITLES = bank("nursing-titles");

    static final List<String> NURSING = bank("nursing");

    static final List<String> ADMISSION_TITLES = bank("admission-titles");

    static List<String> complaint(Family family) {
        return bank("complaint." + family.name().toLowerCase(Locale.ROOT));
    }

    static List<String> presentingHistory(Family family) {
        return bank("presenting-history." + family.name().toLowerCase(Locale.ROOT));
    }

    static final List<String> PSYCHIATRIC_HISTORY = bank("psychiatric-history");

    static final List<String> MEDICAL_HISTORY = bank("medical-history");

    static final List<String> FAMILY_HISTORY = bank("family-history");

    static final List<String> SOCIAL = bank("social");

    static List<String> mentalState(Family family) {
        return bank("mental-state." + family.name().toLowerCase(Locale.ROOT));
    }

    static final List<String> ADMISSION_RISK = bank("admission-risk");

    static final List<String> ADMISSION_PLAN = bank("admission-plan");

    static final List<String> WARD_ROUND_TITLES = bank("ward-round-titles");

    static final List<String> WARD_ROUND = bank("ward-round");

    static final List<String> WARD_ROUND_PLAN = bank("ward-round-plan");

    static final List<String> MEDICAL_TITLES = bank("medical-titles");

    static final List<String> MEDICAL = bank("medical");

    static final List<String> MEDICAL_PLAN = bank("medical-plan");

    static final List<String> DISCHARGE_PROGRESS = bank("discharge-progress");

    static final List<String> DISCHARGE_RISK = bank("discharge-risk");

    static final List<String> FOLLOW_UP = bank("follow-up");

    static final List<String> CARE_PLAN = bank("care-plan");

    static final List<String> RISK_ASSESSMENT = bank("risk-assessment");

    /** The lines of one bank, in file order, site-restricted ones prefixed {@code uk:} or {@code sg:}. */
    private static List<String> bank(String name) {
        List<String> lines = BANKS.get(name);
        if (lines == null) {
            throw new IllegalStateException("routine-text.tsv has no line in bank " + name);
        }
        return lines;
    }

    private static Map<String, List<String>> load() {
        PhraseTable table = PhraseTable.read("routine-text.tsv", List.of("bank", "site", "text"));
        Map<String, List<String>> banks = new TreeMap<>();
        for (PhraseTable.Row row : table.rows()) {
            String site = row.get(1);
            if (!site.equals("any") && !site.equals("uk") && !site.equals("sg")) {
                throw new IllegalStateException(
                        table.file() + " line " + row.line() + ": site " + site + " must be any, uk or sg");
            }
            banks.computeIfAbsent(row.get(0), k -> new ArrayList<>())
                    .add(site.equals("any") ? row.get(2) : site + ":" + row.get(2));
        }
        banks.replaceAll((name, lines) -> List.copyOf(lines));
        return banks;
    }
}

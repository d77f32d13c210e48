package org.mhtrigger.corpus.internal;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.mhtrigger.engine.screen.Assertion;

/**
 * Phrase banks for trigger mentions in notes: affirmed mentions and hard negatives (negated, historical,
 * hypothetical, other person, policy), plus clarification near-misses that must not fire. Read once from the
 * tab-separated files {@code org/mhtrigger/corpus/phrases/<module>.tsv} (columns trigger, kind, section, text), one per
 * catalogue module with text triggers. Stateless, thread-safe.
 *
 * <p>Template syntax: {@code «core»} marks the span recorded in mentions.csv for the entry's trigger;
 * {@code «MH-R01!core»} records the span for another trigger (same assertion); {@code «MH-B01/negated!core»} also
 * overrides the assertion. {@code {pt}}, {@code {he}}, {@code {time}}, {@code {yr}} and friends are filled in per stay.
 * The section column ({@code pph}, {@code pmh}, {@code fh}, {@code forensic}, {@code mse}, {@code risk},
 * {@code plan}, or empty for anywhere in the body) names the note section the phrase belongs in; section-scoped
 * history ("Past psychiatric history:" then "- overdose 2016") relies on it.
 */
public final class Lexicon {
    /** One phrase template and the note section it belongs in ({@code null}: anywhere in the body). */
    public record Template(String text, String section) {}

    private static final Pattern SECTION = Pattern.compile("^(pph|pmh|fh|mse|risk|plan|forensic)>$");
    private static final Map<String, List<Template>> AFFIRMED = new TreeMap<>();
    private static final Map<String, Map<Assertion, List<Template>>> NEGATIVE = new TreeMap<>();
    private static final Map<String, List<Template>> NEAR_MISS = new TreeMap<>();

    private Lexicon() {}

    public static List<Template> affirmed(String trigger) {
        return AFFIRMED.getOrDefault(trigger, List.of());
    }

    public static List<Template> negatives(String trigger, Assertion assertion) {
        return NEGATIVE.getOrDefault(trigger, Map.of()).getOrDefault(assertion, List.of());
    }

    /** The non-affirmed assertion classes the bank holds for a trigger, in enum order. */
    public static List<Assertion> negativeClasses(String trigger) {
        return List.copyOf(NEGATIVE.getOrDefault(trigger, Map.of()).keySet());
    }

    /** Clarification near-misses: text that looks like the trigger but must not fire it (docs/spec/triggers.md). */
    public static List<Template> nearMisses(String trigger) {
        return NEAR_MISS.getOrDefault(trigger, List.of());
    }

    /** Triggers with text phrase banks, sorted. */
    public static List<String> textTriggers() {
        return List.copyOf(AFFIRMED.keySet());
    }

    /** Every core phrase (with placeholders) the banks can place for {@code trigger}, for span checks. */
    public static List<String> cores(String trigger) {
        List<String> cores = new ArrayList<>();
        List<List<Template>> banks = new ArrayList<>(AFFIRMED.values());
        NEGATIVE.values().forEach(byClass -> banks.addAll(byClass.values()));
        banks.addAll(NEAR_MISS.values());
        Map<String, List<Template>> owners = new TreeMap<>();
        AFFIRMED.forEach((code, list) ->
                owners.computeIfAbsent(code, k -> new ArrayList<>()).addAll(list));
        NEGATIVE.forEach((code, byClass) -> byClass.values()
                .forEach(list ->
                        owners.computeIfAbsent(code, k -> new ArrayList<>()).addAll(list)));
        NEAR_MISS.forEach((code, list) ->
                owners.computeIfAbsent(code, k -> new ArrayList<>()).addAll(list));
        Pattern core = Pattern.compile("«(?:(MH-[A-Z]\\d\\d)(?:/[a-z]+)?!)?([^»]*)»");
        owners.forEach((owner, list) -> {
            for (Template template : list) {
                Matcher m = core.matcher(template.text());
                while (m.find()) {
                    String code = m.group(1) == null ? owner : m.group(1);
                    if (code.equals(trigger)) {
                        cores.add(m.group(2));
                    }
                }
            }
        });
        return cores;
    }

    /** The phrase file of each catalogue module that has text triggers, under {@code org/mhtrigger/corpus/phrases/}. */
    static final List<String> MODULE_FILES = List.of("care", "behaviour", "restrictive", "medication", "quality");

    private static final List<String> HEADER = List.of("trigger", "kind", "section", "text");

    static {
        for (String module : MODULE_FILES) {
            PhraseTable table = PhraseTable.read("phrases/" + module + ".tsv", HEADER);
            for (PhraseTable.Row row : table.rows()) {
                String trigger = row.get(0);
                String kind = row.get(1);
                String section = row.get(2);
                if (!section.isEmpty() && !SECTION.matcher(section + ">").matches()) {
                    throw new IllegalStateException(table.file() + " line " + row.line() + ": section " + section
                            + " must be empty or one of pph, pmh, fh, mse, risk, plan, forensic");
                }
                Template template = new Template(row.get(3), section.isEmpty() ? null : section);
                if (kind.equals("affirmed")) {
                    AFFIRMED.computeIfAbsent(trigger, k -> new ArrayList<>()).add(template);
                } else if (kind.equals("clarification")) {
                    NEAR_MISS.computeIfAbsent(trigger, k -> new ArrayList<>()).add(template);
                } else {
                    Assertion assertion = assertionOf(kind);
                    if (assertion == null || assertion == Assertion.AFFIRMED) {
                        throw new IllegalStateException(table.file() + " line " + row.line() + ": kind " + kind
                                + " must be affirmed, negated, historical, hypothetical, other, policy or"
                                + " clarification");
                    }
                    NEGATIVE.computeIfAbsent(trigger, k -> new EnumMap<>(Assertion.class))
                            .computeIfAbsent(assertion, k -> new ArrayList<>())
                            .add(template);
                }
            }
        }
    }

    private static Assertion assertionOf(String label) {
        for (Assertion assertion : Assertion.values()) {
            if (assertion.label().equals(label)) {
                return assertion;
            }
        }
        return null;
    }
}

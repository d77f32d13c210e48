package org.mhtrigger.corpus.internal;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * Fills phrase placeholders for one stay in the patient's local flavour of clinical English (UK or Singapore), and
 * roughens routine lines (lower-case starts, dropped full stops, occasional typos). Not thread-safe.
 */
final class Voice {
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final Map<String, String> TYPOS = new TreeMap<>(Map.ofEntries(
            Map.entry("patient", "pateint"),
            Map.entry("medication", "medicaiton"),
            Map.entry("settled", "setled"),
            Map.entry("appetite", "apetite"),
            Map.entry("reviewed", "reveiwed"),
            Map.entry("breakfast", "breakfeast"),
            Map.entry("received", "recieved"),
            Map.entry("tomorrow", "tommorow"),
            Map.entry("occasionally", "occasionaly"),
            Map.entry("encouraged", "encoraged"),
            Map.entry("appropriate", "apropriate"),
            Map.entry("interacting", "interactng")));

    final Site site;
    final boolean male;
    final SplittableRandom random;
    final int admissionYear;
    String drug = "olanzapine";
    String dose = "10mg ON";
    String criticalDrug = "clozapine";
    String ward = "Ward 6 (Acute Male)";
    ZonedDateTime anchor;

    Voice(Site site, boolean male, SplittableRandom random, int admissionYear) {
        this.site = site;
        this.male = male;
        this.random = random;
        this.admissionYear = admissionYear;
    }

    boolean uk() {
        return site == Site.UK;
    }

    String expand(String template) {
        StringBuilder out = new StringBuilder(template.length() + 16);
        int i = 0;
        while (i < template.length()) {
            char c = template.charAt(i);
            int close = c == '{' ? template.indexOf('}', i) : -1;
            if (close < 0) {
                out.append(c);
                i++;
                continue;
            }
            out.append(value(template.substring(i + 1, close)));
            i = close + 1;
        }
        return out.toString();
    }

    private String value(String name) {
        return switch (name) {
            case "pt" ->
                uk()
                        ? Seeds.pick(random, "pt", "pt", "patient", "he".equals(pronoun()) ? "he" : "she")
                        : Seeds.pick(random, "Pt", "pt", "patient");
            case "Pt" -> uk() ? Seeds.pick(random, "Pt", "Patient", "Pt") : Seeds.pick(random, "Pt", "Patient");
            case "he" -> pronoun();
            case "He" -> capital(pronoun());
            case "his" -> male ? "his" : "her";
            case "His" -> male ? "His" : "Her";
            case "him" -> male ? "him" : "her";
            case "time" -> clock(anchor == null ? null : anchor);
            case "time2" -> clock(anchor == null ? null : anchor.plusMinutes(60 + 5L * random.nextInt(30)));
            case "yr" -> Integer.toString(admissionYear - 1 - random.nextInt(12));
            case "doc" ->
                uk()
                        ? Seeds.pick(random, "duty doctor", "SHO", "on-call doctor", "CT2", "ward doctor")
                        : Seeds.pick(random, "MO on call", "MO", "duty MO", "HO");
            case "ae" -> uk() ? "A&E" : Seeds.pick(random, "A&E", "ED");
            case "ir" ->
                uk()
                        ? Seeds.pick(random, "Datix completed.", "Datix done", "incident form completed")
                        : Seeds.pick(random, "IR filed.", "IR done", "incident report submitted");
            case "critdrug" -> criticalDrug;
            case "drug" -> drug;
            case "dose" -> dose;
            case "ward" -> ward;
            case "bp" -> (105 + random.nextInt(35)) + "/" + (62 + random.nextInt(22));
            case "hr" -> Integer.toString(64 + random.nextInt(30));
            case "temp" -> "36." + (3 + random.nextInt(6));
            case "sats" -> Integer.toString(95 + random.nextInt(5));
            case "n" -> Integer.toString(2 + random.nextInt(5));
            case "staff" ->
                uk()
                        ? Seeds.pick(random, "SN", "HCA", "RMN", "staff nurse")
                        : Seeds.pick(random, "SN", "SSN", "PCA", "EN");
            default -> throw new IllegalArgumentException("unknown placeholder {" + name + "}");
        };
    }

    private String pronoun() {
        return male ? "he" : "she";
    }

    String clock(ZonedDateTime at) {
        if (at == null) {
            return String.format("%02d:%02d", 7 + random.nextInt(15), 5 * random.nextInt(12));
        }
        return CLOCK.format(at);
    }

    static String date(ZonedDateTime at) {
        return DATE.format(at);
    }

    /** Routine lines only: the surface noise of real notes. Never applied to trigger phrases. */
    String roughen(String line) {
        String text = line;
        if (!text.isEmpty() && random.nextDouble() < 0.25 && Character.isUpperCase(text.charAt(0))) {
            if (text.length() < 2 || !Character.isUpperCase(text.charAt(1))) {
                text = Character.toLowerCase(text.charAt(0)) + text.substring(1);
            }
        }
        if (text.endsWith(".") && random.nextDouble() < 0.4) {
            text = text.substring(0, text.length() - 1);
        }
        if (random.nextDouble() < 0.05) {
            for (Map.Entry<String, String> typo : TYPOS.entrySet()) {
                int at = text.indexOf(typo.getKey());
                if (at >= 0) {
                    text = text.substring(0, at)
                            + typo.getValue()
                            + text.substring(at + typo.getKey().length());
                    break;
                }
            }
        }
        return text;
    }

    static String capital(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}

package org.mhtrigger.corpus.internal;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.mhtrigger.corpus.internal.NoteDraft.Block;
import org.mhtrigger.corpus.internal.NoteDraft.Kind;
import org.mhtrigger.corpus.internal.StayOutput.HardNegative;
import org.mhtrigger.corpus.internal.Triggers.Planting;

/**
 * Places traps: sentences that look like a trigger but describe no event of this stay (negation after the term, risk
 * form lines, another word sense, an event dated before admission, a conditional plan, an entry made in error, an
 * event of a previous admission), read from {@code org/mhtrigger/corpus/traps.tsv}. A trap goes only into a stay with
 * no gold row for the trigger it looks like, so a flag on it is a false positive. Traps draw from their own random
 * stream and voice: switching them off leaves every other byte of a stay as it was. Stateless, thread-safe.
 */
final class TrapPlanter {
    /** Which rows of traps.tsv may be placed. */
    enum Selection {
        NONE,
        /** Rows marked {@code on}: the text engine reads them right today. */
        ON,
        /** Also rows marked {@code off}: known misreads, for measuring work on them. */
        ALL
    }

    /** The trap classes, as written in traps.tsv and (prefixed {@code trap-}) in hard-negatives.csv. */
    static final List<String> CLASSES = List.of(
            "post-negation",
            "form-line",
            "word-sense",
            "before-admission",
            "conditional",
            "entered-in-error",
            "previous-admission");

    /** One row of traps.tsv. */
    record Trap(String trigger, String trapClass, boolean on, String section, String text) {}

    static final List<Trap> ROWS = load();

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM", Locale.UK);
    private static final DateTimeFormatter DAY_YEAR = DateTimeFormatter.ofPattern("dd/MM/yyyy", Locale.UK);
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM", Locale.UK);
    private static final DateTimeFormatter MONTH_YEAR = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.UK);

    private TrapPlanter() {}

    /** Places one or two traps in the stay's notes (before they are rendered) and lists them as hard negatives. */
    static void place(StayBuild s, List<Planting> plantings, Selection selection, SplittableRandom random) {
        if (selection == Selection.NONE) {
            return;
        }
        TreeSet<String> gold = new TreeSet<>(s.sources.keySet());
        for (Planting planting : plantings) {
            gold.add(planting.trigger());
            if (planting.trigger().equals("MH-B02")) {
                gold.add("MH-B01");
            }
        }
        if (s.stay.death() == DeathMode.IN_STAY || s.stay.death() == DeathMode.ON_LEAVE_TEXT_ONLY) {
            gold.add("MH-C06");
            gold.add("MH-C03");
        }
        List<Trap> usable = new ArrayList<>();
        for (Trap trap : ROWS) {
            if ((trap.on() || selection == Selection.ALL) && !gold.contains(trap.trigger())) {
                usable.add(trap);
            }
        }
        if (usable.isEmpty()) {
            return;
        }
        // one trap of the class whose turn it is (so a small sample holds every class), sometimes a second of any
        String turn = CLASSES.get(s.stay.index() % CLASSES.size());
        List<Trap> ofClass =
                usable.stream().filter(t -> t.trapClass().equals(turn)).toList();
        List<Trap> chosen = new ArrayList<>();
        chosen.add(Seeds.pick(random, ofClass.isEmpty() ? usable : ofClass));
        if (random.nextDouble() < 0.4) {
            chosen.add(Seeds.pick(random, usable));
        }
        Voice voice = new Voice(
                s.patient.site(), s.patient.male(), random, s.stay.admitted().getYear());
        voice.drug = s.voice.drug;
        voice.dose = s.voice.dose;
        voice.criticalDrug = s.voice.criticalDrug;
        voice.ward = s.voice.ward;
        for (Trap trap : chosen) {
            NoteDraft note = host(s, trap, random);
            if (note == null) {
                continue;
            }
            voice.anchor = note.time;
            String text = voice.expand(dates(s, trap.text(), random));
            voice.anchor = null;
            String section =
                    trap.section().isEmpty() ? (note.kind == Kind.DISCHARGE ? "progress" : "body") : trap.section();
            note.insert(section, new Block(text, null, null), random);
            s.addNegative(new HardNegative(trap.trigger(), "trap-" + trap.trapClass(), "note#" + note.serial));
        }
    }

    /** A routine note (not the admission clerking, a care plan or a risk assessment), or one with the named section. */
    private static NoteDraft host(StayBuild s, Trap trap, SplittableRandom random) {
        List<NoteDraft> candidates = new ArrayList<>();
        for (NoteDraft note : s.notes) {
            boolean fits = trap.section().isEmpty()
                    ? note.kind != Kind.ADMISSION && note.kind != Kind.CARE_PLAN && note.kind != Kind.RISK_ASSESSMENT
                    : note.hasSection(trap.section());
            if (fits) {
                candidates.add(note);
            }
        }
        return candidates.isEmpty() ? null : Seeds.pick(random, candidates);
    }

    /** Fills the date placeholders, all before this admission. */
    private static String dates(StayBuild s, String text, SplittableRandom random) {
        if (!text.contains("-before") && !text.contains("{prev-admission}")) {
            return text;
        }
        ZonedDateTime admitted = s.stay.admitted();
        ZonedDateTime day = admitted.minusDays(10 + random.nextInt(51));
        ZonedDateTime month = admitted.minusMonths(2 + random.nextInt(9));
        ZonedDateTime previous = s.stay.previousDischarge() != null
                ? s.stay.previousDischarge()
                : admitted.minusMonths(14 + random.nextInt(30));
        return text.replace("{month-before}", MONTH.format(month))
                .replace("{date-before-y}", DAY_YEAR.format(day))
                .replace("{date-before}", DAY.format(day))
                .replace("{prev-admission}", MONTH_YEAR.format(previous));
    }

    private static List<Trap> load() {
        PhraseTable table = PhraseTable.read("traps.tsv", List.of("trigger", "class", "default", "section", "text"));
        List<Trap> rows = new ArrayList<>();
        for (PhraseTable.Row row : table.rows()) {
            String trigger = row.get(0);
            String trapClass = row.get(1);
            String flag = row.get(2);
            if (!trigger.matches("MH-[A-Z]\\d\\d")) {
                throw new IllegalStateException(
                        table.file() + " line " + row.line() + ": trigger " + trigger + " must look like MH-C01");
            }
            if (!CLASSES.contains(trapClass)) {
                throw new IllegalStateException(
                        table.file() + " line " + row.line() + ": class " + trapClass + " must be one of " + CLASSES);
            }
            if (!flag.equals("on") && !flag.equals("off")) {
                throw new IllegalStateException(
                        table.file() + " line " + row.line() + ": default " + flag + " must be on or off");
            }
            rows.add(new Trap(trigger, trapClass, flag.equals("on"), row.get(3), row.get(4)));
        }
        return List.copyOf(rows);
    }
}

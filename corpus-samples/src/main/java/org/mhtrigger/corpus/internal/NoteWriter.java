package org.mhtrigger.corpus.internal;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.mhtrigger.corpus.internal.NoteDraft.Block;
import org.mhtrigger.corpus.internal.NoteDraft.Kind;
import org.mhtrigger.corpus.internal.StayOutput.HardNegative;
import org.mhtrigger.engine.screen.Assertion;

/**
 * The notes of one stay: when they are written, their titles and sections, the routine lines around the planted
 * phrases, which note hosts an event or a hard negative, and rendering to text with mention offsets. Not
 * thread-safe: one per stay.
 */
final class NoteWriter {
    private final StayBuild s;

    NoteWriter(StayBuild s) {
        this.s = s;
    }

    void scheduleNotes() {
        double los = s.stay.lengthOfStayDays();
        int count = Math.max(3, Math.min(15, 2 + (int) (StrictMath.sqrt(los) * 1.4) + s.random.nextInt(3)));
        ZonedDateTime admitted = s.stay.admitted();
        NoteDraft admission = note(Kind.ADMISSION, admitted.plusMinutes(60 + 5L * s.random.nextInt(36)));
        int middle = count - 2;
        long span = Duration.between(admitted.plusHours(5), s.stay.discharged().minusHours(3))
                .toMinutes();
        List<ZonedDateTime> times = new ArrayList<>();
        for (int i = 0; i < middle; i++) {
            times.add(admitted.plusHours(5).plusMinutes(5 * (long) s.random.nextInt((int) Math.max(1, span / 5))));
        }
        // at least one note early in the s.stay and one inside the review window for late events
        times.sort(Comparator.naturalOrder());
        for (ZonedDateTime time : times) {
            double r = s.random.nextDouble();
            Kind kind = r < 0.55 ? Kind.NURSING : r < 0.8 ? Kind.WARD_ROUND : Kind.MEDICAL_REVIEW;
            note(kind, shiftTime(time, kind));
        }
        boolean died = s.stay.death() == DeathMode.IN_STAY || s.stay.death() == DeathMode.ON_LEAVE_TEXT_ONLY;
        if (!died) {
            note(Kind.DISCHARGE, s.stay.discharged().minusMinutes(30 + 5L * s.random.nextInt(12)));
        }
        s.notes.sort(Comparator.comparing(n -> n.time));
        if (admission != s.notes.get(0)) {
            s.notes.remove(admission);
            s.notes.add(0, admission);
        }
        for (NoteDraft note : s.notes) {
            s.voice.anchor = note.time;
            structureNote(note);
            s.voice.anchor = null;
        }
    }

    ZonedDateTime shiftTime(ZonedDateTime time, Kind kind) {
        ZonedDateTime shifted;
        if (kind == Kind.NURSING) {
            int[] hours = {7, 13, 14, 20, 21, 6};
            shifted = time.withHour(hours[s.random.nextInt(hours.length)]).withMinute(5 * s.random.nextInt(12));
        } else {
            shifted = time.withHour(9 + s.random.nextInt(8)).withMinute(5 * s.random.nextInt(12));
        }
        boolean inside = shifted.isAfter(s.stay.admitted().plusHours(4))
                && shifted.isBefore(s.stay.discharged().minusHours(3));
        return inside ? shifted : time;
    }

    NoteDraft note(Kind kind, ZonedDateTime time) {
        NoteDraft note = new NoteDraft(++s.serials, kind, time, s.random);
        s.notes.add(note);
        return note;
    }

    void fillRoutineText() {
        for (NoteDraft note : s.notes) {
            switch (note.kind) {
                case ADMISSION -> admissionText(note);
                case NURSING, INCIDENT -> nursingText(note);
                case WARD_ROUND -> wardRoundText(note);
                case MEDICAL_REVIEW -> medicalText(note);
                case DISCHARGE -> dischargeText(note);
                case CARE_PLAN -> listText(note, Background.CARE_PLAN, 2, 4);
                case RISK_ASSESSMENT -> listText(note, Background.RISK_ASSESSMENT, 3, 5);
            }
        }
    }

    /** Lines from a bank for this site, expanded and roughened, in s.random order without repeats. */
    List<String> lines(List<String> bank, int min, int max) {
        List<String> usable = new ArrayList<>();
        for (String line : bank) {
            if (line.startsWith("uk:")) {
                if (s.voice.uk()) {
                    usable.add(line.substring(3));
                }
            } else if (line.startsWith("sg:")) {
                if (!s.voice.uk()) {
                    usable.add(line.substring(3));
                }
            } else {
                usable.add(line);
            }
        }
        int n = Math.min(usable.size(), Seeds.between(s.random, min, max));
        List<String> chosen = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            String line = usable.remove(s.random.nextInt(usable.size()));
            chosen.add(s.voice.roughen(s.voice.expand(line)));
        }
        return chosen;
    }

    void routine(NoteDraft note, String section, List<String> bank, int min, int max) {
        for (String line : lines(bank, min, max)) {
            note.insert(section, new Block(line, null, null), s.random);
        }
    }

    void admissionText(NoteDraft note) {
        routine(note, "pc", Background.complaint(s.family), 1, 1);
        routine(note, "hpc", Background.presentingHistory(s.family), 2, 4);
        routine(note, "pph", Background.PSYCHIATRIC_HISTORY, 1, 3);
        routine(note, "pmh", Background.MEDICAL_HISTORY, 1, 2);
        if (s.diabetic) {
            note.add("pmh", new Block("T2DM on insulin", null, null));
        }
        routine(note, "fh", Background.FAMILY_HISTORY, 1, 1);
        routine(note, "social", Background.SOCIAL, 2, 3);
        routine(note, "mse", Background.mentalState(s.family), 4, 7);
        routine(note, "risk", Background.ADMISSION_RISK, 2, 3);
        note.add("impression", new Block(s.voice.roughen(s.diagnosisName), null, null));
        routine(note, "plan", Background.ADMISSION_PLAN, 3, 6);
    }

    void nursingText(NoteDraft note) {
        routine(note, "body", Background.NURSING, 3, 7);
    }

    void wardRoundText(NoteDraft note) {
        routine(note, "body", Background.WARD_ROUND, 2, 4);
        routine(note, "mse", Background.mentalState(s.family), 2, 4);
        routine(note, "plan", Background.WARD_ROUND_PLAN, 2, 5);
    }

    void medicalText(NoteDraft note) {
        routine(note, "body", Background.MEDICAL, 2, 4);
        routine(note, "plan", Background.MEDICAL_PLAN, 1, 2);
    }

    void dischargeText(NoteDraft note) {
        note.add(
                "details",
                new Block(
                        "Admitted: " + Voice.date(s.stay.admitted()) + "  Discharged: "
                                + Voice.date(s.stay.discharged()),
                        null,
                        null));
        note.add("details", new Block("Ward: " + s.voice.ward, null, null));
        note.add("details", new Block("Diagnosis: " + s.diagnosisCode + " " + s.diagnosisName, null, null));
        routine(note, "reason", Background.complaint(s.family), 1, 1);
        routine(note, "progress", Background.DISCHARGE_PROGRESS, 2, 4);
        note.add("meds", new Block(s.mainDrug.generic() + " " + s.voice.dose, null, null));
        if (s.critical != null && !"clozapine".equals(s.critical)) {
            note.add("meds", new Block(Drug.of(s.critical).generic() + " as before", null, null));
        }
        routine(note, "risk", Background.DISCHARGE_RISK, 1, 2);
        routine(note, "followup", Background.FOLLOW_UP, 1, 2);
    }

    void listText(NoteDraft note, List<String> bank, int min, int max) {
        routine(note, "body", bank, min, max);
    }

    void structureNote(NoteDraft note) {
        String title;
        switch (note.kind) {
            case ADMISSION -> {
                title = s.voice.expand(siteLine(Background.ADMISSION_TITLES));
                note.section("title", title);
                note.section("pc", Seeds.pick(s.random, "Presenting complaint:", "PC:", "Reason for admission:"));
                note.section("hpc", Seeds.pick(s.random, "HPC:", "History of presenting complaint:"));
                note.section("pph", "Past psychiatric history:");
                note.section("pmh", Seeds.pick(s.random, "Past medical history:", "PMH:"));
                note.section("fh", Seeds.pick(s.random, "Family history:", "FHx:"));
                note.section("social", Seeds.pick(s.random, "Social history:", "Personal and social history:"));
                if (s.voice.uk()) {
                    note.section("forensic", "Forensic history:");
                }
                note.section("mse", Seeds.pick(s.random, "MSE:", "Mental state examination:"));
                note.section("risk", "Risk assessment:");
                note.section("impression", Seeds.pick(s.random, "Impression:", "Imp:"));
                note.section("plan", "Plan:");
            }
            case NURSING -> {
                String shift = note.time.getHour() < 12 ? "early" : note.time.getHour() < 19 ? "late" : "night";
                if (note.time.getHour() < 7) {
                    shift = "night";
                }
                title = siteLine(Background.NURSING_TITLES)
                        .replace("{shift}", shift)
                        .replace("{SHIFT}", shift.toUpperCase());
                note.titleAndBody(title);
            }
            case INCIDENT -> {
                note.titleAndBody(
                        s.voice.uk()
                                ? Seeds.pick(s.random, "Incident note", "INCIDENT - nursing entry")
                                : Seeds.pick(s.random, "Incident report", "IR note"));
            }
            case WARD_ROUND -> {
                note.titleAndBody(s.voice.expand(siteLine(Background.WARD_ROUND_TITLES)));
                note.section("mse", Seeds.pick(s.random, "MSE:", "O/E MSE:"));
                note.section("risk", Seeds.pick(s.random, "Risk:", "Risk assessment:"));
                note.section("plan", "Plan:");
            }
            case MEDICAL_REVIEW -> {
                note.titleAndBody(s.voice.expand(siteLine(Background.MEDICAL_TITLES)));
                note.section("plan", "Plan:");
            }
            case DISCHARGE -> {
                note.section("title", Seeds.pick(s.random, "DISCHARGE SUMMARY", "Discharge summary"));
                note.section("details", null);
                note.section("reason", "Reason for admission:");
                note.section("progress", Seeds.pick(s.random, "Progress on ward:", "Progress:"));
                note.section("meds", "Medication on discharge:");
                note.section("risk", "Risk on discharge:");
                note.section("followup", Seeds.pick(s.random, "Follow up:", "Follow-up:"));
            }
            case CARE_PLAN -> {
                note.titleAndBody(Seeds.pick(s.random, "Nursing care plan", "CARE PLAN", "Care plan (MDT)"));
            }
            case RISK_ASSESSMENT -> {
                note.titleAndBody(
                        s.voice.uk()
                                ? Seeds.pick(s.random, "Risk assessment (FACE)", "Clinical risk assessment")
                                : Seeds.pick(s.random, "Risk assessment", "Suicide and violence risk assessment"));
            }
        }
    }

    String siteLine(List<String> bank) {
        List<String> usable = new ArrayList<>();
        for (String line : bank) {
            if (line.startsWith(s.voice.uk() ? "uk:" : "sg:")) {
                usable.add(line.substring(3));
            }
        }
        return Seeds.pick(s.random, usable);
    }

    void renderNotes(List<Mention> mentions) {
        int i = 0;
        for (NoteDraft draft : s.notes) {
            i++;
            String id = "n-" + s.number + "-" + String.format("%02d", i);
            NoteDraft.Rendered rendered = draft.render();
            for (Mention m : rendered.mentions()) {
                Mention placed = new Mention(id, m.start(), m.end(), m.trigger(), m.assertion(), m.phrase());
                mentions.add(placed);
                if (m.assertion() == Assertion.AFFIRMED) {
                    s.source(m.trigger(), true, false);
                    if (m.trigger().equals("MH-B02")) {
                        s.source("MH-B01", true, false);
                    }
                }
            }
            for (int j = 0; j < s.negatives.size(); j++) {
                HardNegative negative = s.negatives.get(j);
                if (negative.resource().equals("note#" + draft.serial)) {
                    s.negatives.set(j, new HardNegative(negative.trigger(), negative.kind(), id));
                }
            }
            s.resources.add(s.documentReference(id, draft, rendered.text()));
        }
        mentions.sort(Comparator.comparing(Mention::note)
                .thenComparingInt(Mention::start)
                .thenComparing(Mention::trigger));
    }

    NoteDraft firstNote(Kind... kinds) {
        for (NoteDraft note : s.notes) {
            for (Kind kind : kinds) {
                if (note.kind == kind && note.time.isBefore(s.stay.admitted().plusDays(7))) {
                    return note;
                }
            }
        }
        return s.notes.get(0);
    }

    NoteDraft insertNote(Kind kind, ZonedDateTime at) {
        if (s.notes.size() >= 15) {
            // keep 3-15 s.notes: the newcomer replaces a routine nursing note
            for (int i = s.notes.size() - 2; i > 0; i--) {
                if (s.notes.get(i).kind == Kind.NURSING && !s.notes.get(i).hasEvent) {
                    s.notes.remove(i);
                    break;
                }
            }
        }
        NoteDraft note = new NoteDraft(++s.serials, kind, at, s.random);
        s.notes.add(note);
        s.notes.sort(Comparator.comparing(n -> n.time));
        structureIfNeeded(note);
        return note;
    }

    void structureIfNeeded(NoteDraft note) {
        if (!note.hasSection("title")) {
            structureNote(note);
        }
    }

    /** A note after {@code from} and inside the review window to report an event in. */
    NoteDraft hostNote(ZonedDateTime from) {
        List<NoteDraft> candidates = new ArrayList<>();
        for (NoteDraft note : s.notes) {
            boolean routine =
                    note.kind != Kind.CARE_PLAN && note.kind != Kind.RISK_ASSESSMENT && note.kind != Kind.ADMISSION;
            if (routine && note.time.isAfter(from.plusMinutes(20)) && !note.time.isAfter(s.windowEnd.plusHours(1))) {
                candidates.add(note);
            }
        }
        if (candidates.isEmpty()) {
            return null;
        }
        // prefer s.notes without an event yet, so events spread over the s.stay
        List<NoteDraft> fresh = candidates.stream()
                .filter(n -> !n.hasEvent && n.kind != Kind.DISCHARGE)
                .toList();
        return Seeds.pick(s.random, fresh.isEmpty() ? candidates : fresh);
    }

    NoteDraft negativeHost(String section) {
        if (section != null
                && (section.equals("pph")
                        || section.equals("pmh")
                        || section.equals("fh")
                        || section.equals("forensic"))) {
            return s.notes.get(0);
        }
        List<NoteDraft> candidates = new ArrayList<>();
        for (NoteDraft note : s.notes) {
            boolean routine =
                    note.kind != Kind.ADMISSION && note.kind != Kind.CARE_PLAN && note.kind != Kind.RISK_ASSESSMENT;
            if (section == null ? routine : note.hasSection(section)) {
                candidates.add(note);
            }
        }
        return candidates.isEmpty() ? s.notes.get(0) : Seeds.pick(s.random, candidates);
    }
}

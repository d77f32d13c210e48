package org.mhtrigger.review.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.mhtrigger.engine.record.ConditionRecord;
import org.mhtrigger.engine.record.EncounterKind;
import org.mhtrigger.engine.record.LabResult;
import org.mhtrigger.engine.record.LinkedEncounter;
import org.mhtrigger.engine.record.MedicationEvent;
import org.mhtrigger.engine.record.Note;
import org.mhtrigger.engine.record.ProcedureRecord;
import org.mhtrigger.engine.record.StayRecord;
import org.mhtrigger.engine.sampling.SamplingUnit;
import org.mhtrigger.engine.screen.Finding;
import org.mhtrigger.engine.screen.TextHit;
import org.mhtrigger.review.ScreenedStay;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Imported stays, their timelines and their findings. Thread-safe. */
@Repository
public class Stays {
    private static final Logger LOG = LoggerFactory.getLogger(Stays.class);
    public static final String ENGINE = "engine";
    public static final String REVIEWER = "reviewer";

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;

    public Stays(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    /** The summary of a stay. */
    public record StayView(
            long id,
            String encounterId,
            String patientId,
            String sex,
            LocalDate birthDate,
            Instant admitted,
            Instant discharged,
            String ward,
            String disposition,
            String ruleset) {
        public double lengthOfStayDays() {
            return java.time.Duration.between(admitted, discharged).toSeconds() / 86_400.0;
        }

        public Integer ageAtAdmission() {
            return birthDate == null
                    ? null
                    : java.time.Period.between(
                                    birthDate, admitted.atZone(ZoneOffset.UTC).toLocalDate())
                            .getYears();
        }
    }

    /** A trigger on a stay: origin {@value #ENGINE} or {@value #REVIEWER}. */
    public record FindingView(
            long id,
            String trigger,
            String name,
            String sourceType,
            String sourceId,
            Integer spanStart,
            Integer spanEnd,
            String evidence,
            Instant at,
            String ruleset,
            String origin,
            String createdBy) {
        public boolean hasSpan() {
            return spanStart != null && spanEnd != null;
        }
    }

    /** Imports one screened stay unless a stay with its encounter id exists; returns whether it was new. */
    @Transactional
    public boolean importStay(ScreenedStay screened) {
        return importBatch(List.of(screened)) == 1;
    }

    /**
     * Imports the screened stays whose encounter id is not in the database yet, in one transaction, sending their
     * timelines and findings as JDBC batches; returns how many were new. A stay given twice is imported once.
     */
    @Transactional
    public int importStays(List<ScreenedStay> screened) {
        return importBatch(screened);
    }

    private int importBatch(List<ScreenedStay> screened) {
        Set<String> present = new HashSet<>(
                existingEncounters(screened.stream().map(s -> s.record().id()).toList()));
        List<Object[]> items = new ArrayList<>();
        List<Object[]> findings = new ArrayList<>();
        List<Object[]> suppressed = new ArrayList<>();
        OffsetDateTime now = utc(Instant.now());
        int imported = 0;
        for (ScreenedStay stay : screened) {
            if (present.add(stay.record().id())) {
                long stayId = insertStay(stay, now);
                addItems(stayId, stay.record(), items);
                for (Finding finding : stay.findings()) {
                    findings.add(new Object[] {
                        stayId,
                        finding.trigger(),
                        finding.name(),
                        finding.source().type(),
                        finding.source().id(),
                        finding.span() == null ? null : finding.span().start(),
                        finding.span() == null ? null : finding.span().end(),
                        clip(finding.evidence(), 4000),
                        utc(finding.at()),
                        finding.ruleset(),
                        ENGINE,
                        ENGINE,
                        now
                    });
                }
                for (TextHit mention : stay.suppressed()) {
                    suppressed.add(new Object[] {
                        stayId,
                        mention.trigger(),
                        mention.source().type(),
                        mention.source().id(),
                        mention.span().start(),
                        mention.span().end(),
                        mention.assertion().label(),
                        clip(mention.reason().isEmpty() ? mention.assertion().label() : mention.reason(), 500)
                    });
                }
                imported++;
            }
        }
        batch.batchUpdate(
                "INSERT INTO stay_item (stay_id, kind, source_type, source_id, occurred_at, label, summary, body,"
                        + " si_value, si_unit, ended_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                items);
        batch.batchUpdate(
                "INSERT INTO suppressed_mention (stay_id, trigger_code, source_type, source_id, span_start, span_end,"
                        + " assertion, reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                suppressed);
        batch.batchUpdate(
                "INSERT INTO finding (stay_id, trigger_code, trigger_name, source_type, source_id, span_start,"
                        + " span_end, evidence, occurred_at, ruleset, origin, created_by, created_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                findings);
        if (imported > 0) {
            screeningChanged();
        }
        LOG.debug("imported {} of {} stays with {} findings", imported, screened.size(), findings.size());
        return imported;
    }

    /** Which of {@code encounterIds} are already imported. */
    private List<String> existingEncounters(List<String> encounterIds) {
        List<String> present = new ArrayList<>();
        for (int from = 0; from < encounterIds.size(); from += 500) {
            List<String> slice = encounterIds.subList(from, Math.min(encounterIds.size(), from + 500));
            present.addAll(jdbc.sql("SELECT encounter_id FROM stay WHERE encounter_id IN (:ids)")
                    .param("ids", slice)
                    .query(String.class)
                    .list());
        }
        return present;
    }

    private long insertStay(ScreenedStay screened, OffsetDateTime now) {
        StayRecord record = screened.record();
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO stay (encounter_id, patient_id, sex, birth_date, admitted, discharged, ward,"
                        + " disposition, ruleset, imported_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        record.id(),
                        record.patient().id(),
                        record.patient().sex() == null ? "" : record.patient().sex(),
                        record.patient().birthDate(),
                        utc(record.stay().admitted()),
                        utc(record.stay().discharged()),
                        record.stay().ward(),
                        record.stay().disposition().name(),
                        screened.ruleset(),
                        now)
                .update(key, "id");
        return key.getKey().longValue();
    }

    /** The stay's timeline rows (see {@code stay_item}), appended to {@code rows}: notes, labs, medications, procedures,
     * conditions and the patient's other encounters. */
    private static void addItems(long stayId, StayRecord record, List<Object[]> rows) {
        for (Note note : record.notes()) {
            rows.add(item(stayId, "note", note.source(), note.time(), note.type(), "", note.text(), null, null, null));
        }
        for (LabResult lab : record.labs()) {
            String si = lab.converted() && !lab.unit().equals(lab.siUnit())
                    ? " (" + number(lab.siValue()) + " " + lab.siUnit() + ")"
                    : "";
            rows.add(item(
                    stayId,
                    "lab",
                    lab.source(),
                    lab.time(),
                    lab.analyte(),
                    number(lab.value()) + " " + lab.unit() + si,
                    null,
                    lab.siValue(),
                    lab.converted() ? clip(lab.siUnit(), 40) : null,
                    null));
        }
        for (MedicationEvent med : record.medications()) {
            StringBuilder summary = new StringBuilder(med.kind().name().toLowerCase(Locale.ROOT));
            if (med.doseMg() != null) {
                summary.append(' ').append(number(med.doseMg())).append(" mg");
            }
            summary.append(' ').append(med.route().name().toLowerCase(Locale.ROOT));
            if (!med.status().isEmpty()) {
                summary.append(", ").append(med.status());
            }
            if (med.prn()) {
                summary.append(", PRN");
            }
            if (med.depot()) {
                summary.append(", depot");
            }
            if (!med.reason().isEmpty()) {
                summary.append(", for ").append(med.reason());
            }
            rows.add(item(
                    stayId,
                    "medication",
                    med.source(),
                    med.time(),
                    med.ingredient(),
                    summary.toString(),
                    null,
                    null,
                    null,
                    null));
        }
        for (ProcedureRecord procedure : record.procedures()) {
            // the end is a column of its own, shown in the organisation's time zone
            String summary =
                    procedure.display() + (procedure.status().isEmpty() ? "" : " (" + procedure.status() + ")");
            rows.add(item(
                    stayId,
                    "procedure",
                    procedure.source(),
                    procedure.start(),
                    procedure.kind(),
                    summary,
                    null,
                    null,
                    null,
                    procedure.end()));
        }
        for (ConditionRecord condition : record.conditions()) {
            String code = condition.icd10() == null ? "" : condition.icd10();
            rows.add(item(
                    stayId,
                    "condition",
                    condition.source(),
                    condition.time(),
                    code,
                    condition.display(),
                    null,
                    null,
                    null,
                    null));
        }
        // the patient's other encounters (ED visits, acute admissions, earlier stays): MH-X01, MH-X02 and MH-C02 point
        // at them
        for (LinkedEncounter encounter : record.otherEncounters()) {
            rows.add(item(
                    stayId,
                    "encounter",
                    new org.mhtrigger.engine.record.SourceRef("Encounter", encounter.id()),
                    encounter.start(),
                    encounterLabel(encounter.kind()),
                    encounter.id(),
                    null,
                    null,
                    null,
                    encounter.end()));
        }
    }

    /** Adds a trigger the engine missed; returns its id. */
    @Transactional
    public long addReviewerFinding(long stayId, String code, String name, String evidence, Instant at, String by) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO finding (stay_id, trigger_code, trigger_name, evidence, occurred_at, ruleset, origin,"
                        + " created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(stayId, code, name, clip(evidence, 4000), utc(at), "reviewer", REVIEWER, by, utc(Instant.now()))
                .update(key, "id");
        screeningChanged();
        return key.getKey().longValue();
    }

    /**
     * Says, in the current transaction, that stays or findings were added: the last statement of every transaction
     * that adds them (its row lock is then held only until the commit). See {@link MeasureQueries}.
     */
    public void screeningChanged() {
        jdbc.sql(SCREENING_CHANGED).update();
    }

    /** The statement behind {@link #screeningChanged()}, for code that writes stays with plain SQL. */
    public static final String SCREENING_CHANGED = "UPDATE screening_version SET version = version + 1 WHERE id = 1";

    public Optional<StayView> find(long id) {
        return jdbc.sql("SELECT * FROM stay WHERE id = ?")
                .param(id)
                .query(Stays::stay)
                .optional();
    }

    public Optional<StayView> findByEncounter(String encounterId) {
        return jdbc.sql("SELECT * FROM stay WHERE encounter_id = ?")
                .param(encounterId)
                .query(Stays::stay)
                .optional();
    }

    public long count() {
        return jdbc.sql("SELECT COUNT(*) FROM stay").query(Long.class).single();
    }

    public List<FindingView> findings(long stayId) {
        return jdbc.sql("SELECT * FROM finding WHERE stay_id = ? ORDER BY trigger_code, occurred_at, id")
                .param(stayId)
                .query((rs, row) -> new FindingView(
                        rs.getLong("id"),
                        rs.getString("trigger_code"),
                        rs.getString("trigger_name"),
                        rs.getString("source_type"),
                        rs.getString("source_id"),
                        Columns.nullableInt(rs, "span_start"),
                        Columns.nullableInt(rs, "span_end"),
                        rs.getString("evidence"),
                        Columns.instant(rs, "occurred_at"),
                        rs.getString("ruleset"),
                        rs.getString("origin"),
                        rs.getString("created_by")))
                .list();
    }

    /** Every imported stay, for drawing a sample. */
    public List<SamplingUnit> samplingUnits() {
        return jdbc.sql("SELECT * FROM stay ORDER BY encounter_id")
                .query((rs, row) -> {
                    StayView stay = stay(rs, row);
                    return new SamplingUnit(
                            stay.encounterId(),
                            stay.patientId(),
                            stay.admitted(),
                            stay.discharged(),
                            stay.ward(),
                            stay.birthDate());
                })
                .list();
    }

    private static Object[] item(
            long stayId,
            String kind,
            org.mhtrigger.engine.record.SourceRef source,
            Instant at,
            String label,
            String summary,
            String body,
            Double siValue,
            String siUnit,
            Instant endedAt) {
        return new Object[] {
            stayId,
            kind,
            source.type(),
            source.id(),
            utc(at),
            clip(label, 200),
            clip(summary, 2000),
            body,
            siValue,
            siUnit,
            utc(endedAt)
        };
    }

    private static String encounterLabel(EncounterKind kind) {
        return switch (kind) {
            case PSYCHIATRIC_INPATIENT -> "mental-health admission";
            case ACUTE_INPATIENT -> "acute hospital admission";
            case EMERGENCY -> "emergency contact";
            case OTHER -> "other contact";
        };
    }

    static StayView stay(ResultSet rs, int row) throws SQLException {
        return new StayView(
                rs.getLong("id"),
                rs.getString("encounter_id"),
                rs.getString("patient_id"),
                rs.getString("sex"),
                rs.getObject("birth_date", LocalDate.class),
                Columns.instant(rs, "admitted"),
                Columns.instant(rs, "discharged"),
                rs.getString("ward"),
                rs.getString("disposition"),
                rs.getString("ruleset"));
    }

    static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static String number(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15
                ? Long.toString((long) value)
                : new java.math.BigDecimal(Double.toString(value))
                        .stripTrailingZeros()
                        .toPlainString();
    }

    private static String clip(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}

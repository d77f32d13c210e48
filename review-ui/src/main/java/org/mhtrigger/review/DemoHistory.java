package org.mhtrigger.review;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.SplittableRandom;
import org.mhtrigger.review.store.AuditTrail;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Synthetic reviewed history for the demo, so that run charts say something on first start: for each of the months
 * before a given month, 20 synthetic stays (no notes, no real data) sampled, reviewed, with findings, confirmed events
 * and a physician's signature. Harm falls after the ninth month, when the protocol also changes (LOS >= 72 h,
 * protocol 1.1), so the charts show a shift and an annotation. Seeded: the same history on every database. Every
 * period carries an audit row saying it is synthetic. Thread-safe.
 */
@Component
public class DemoHistory {
    static final String PREFIX = "demo-history-";
    private static final String[] WARDS = {"Ward A", "Ward B", "Ward C"};
    private static final String[][] HARM_TRIGGERS = {
        {"MH-C01", "Fall", "ADVERSE_EVENT", "Fall with a wrist fracture"},
        {"MH-L01", "Lithium high", "ADVERSE_DRUG_EVENT", "Lithium toxicity after a dose increase"},
        {"MH-M03", "Extrapyramidal side effects", "ADVERSE_DRUG_EVENT", "Acute dystonia after haloperidol"},
        {"MH-M04", "Oversedation or hypotension", "ADVERSE_DRUG_EVENT", "Oversedation after PRN doses"},
        {"MH-C04", "Healthcare-associated infection", "ADVERSE_EVENT", "Urinary tract infection on the ward"},
        {"MH-C02", "Transfer to acute hospital / higher level of care", "ADVERSE_EVENT", "Transfer after a fall"}
    };
    private static final String[][] INCIDENT_TRIGGERS = {
        {"MH-B01", "Self-harm"}, {"MH-B04", "Violence or aggression by the patient"}, {"MH-B05", "Absconding / AWOL"}
    };
    private static final String[][] RESTRICTIVE = {
        {"MH-R01", "Restraint"}, {"MH-R02", "Seclusion"}, {"MH-R03", "Rapid tranquillisation"}
    };

    private final JdbcClient jdbc;
    private final AuditTrail audit;

    public DemoHistory(JdbcClient jdbc, AuditTrail audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    /** Adds {@code months} months of reviewed history ending the month before {@code before}; returns periods added. */
    @Transactional
    public int seed(YearMonth before, int months, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int added = 0;
        for (int m = 0; m < months; m++) {
            YearMonth month = before.minusMonths(months - m);
            boolean improved = m >= months / 2;
            period(month, improved, random);
            added++;
        }
        jdbc.sql(org.mhtrigger.review.store.Stays.SCREENING_CHANGED).update();
        return added;
    }

    private void period(YearMonth month, boolean improved, SplittableRandom random) {
        Instant now = Instant.now();
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO review_period (label, start_date, end_exclusive, seed, requested_size, frame_size,"
                        + " min_age_years, min_los_hours, stratify_by, protocol_version, created_by, created_at, due_date)"
                        + " VALUES (?, ?, ?, ?, 20, ?, 18, ?, NULL, ?, 'system', ?, ?)")
                .params(
                        month.toString(),
                        month.atDay(1),
                        month.plusMonths(1).atDay(1),
                        month.getYear() * 100L + month.getMonthValue(),
                        60 + random.nextInt(30),
                        improved ? 72.0 : 24.0,
                        improved ? "1.1" : "1.0",
                        utc(now),
                        // reviewed as the method intends: drawn when the month closed, due a month later
                        org.mhtrigger.review.store.ReviewService.dueDate(
                                org.mhtrigger.engine.sampling.ReviewPeriod.month(month),
                                month.plusMonths(1).atDay(1)))
                .update(key, "id");
        long periodId = key.getKey().longValue();
        // through the audit trail, so that the row is sealed into the chain like any other
        audit.append(
                "system",
                "period",
                periodId,
                null,
                "sample",
                null,
                "synthetic demo history " + month,
                "demo data, not a real review");
        for (int i = 0; i < 20; i++) {
            stay(periodId, month, i, improved, random, now);
        }
    }

    private void stay(
            long periodId, YearMonth month, int index, boolean improved, SplittableRandom random, Instant now) {
        double losDays = 4 + random.nextDouble() * 50;
        Instant discharged = month.atDay(1 + random.nextInt(month.lengthOfMonth()))
                .atTime(10 + random.nextInt(6), random.nextInt(60))
                .toInstant(ZoneOffset.UTC);
        Instant admitted = discharged.minusSeconds((long) (losDays * 86_400));
        String ward = WARDS[random.nextInt(WARDS.length)];
        String encounter = PREFIX + month + "-" + index;
        KeyHolder stayKey = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO stay (encounter_id, patient_id, sex, birth_date, admitted, discharged, ward, disposition,"
                        + " ruleset, imported_at) VALUES (?, ?, ?, NULL, ?, ?, ?, 'HOME', 'demo-history', ?)")
                .params(
                        encounter,
                        PREFIX + "patient-" + month + "-" + index,
                        random.nextBoolean() ? "female" : "male",
                        utc(admitted),
                        utc(discharged),
                        ward,
                        utc(now))
                .update(stayKey, "id");
        long stayId = stayKey.getKey().longValue();
        KeyHolder reviewKey = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO review (period_id, stay_id, draw_order, reviewer, status, seconds_spent, version)"
                        + " VALUES (?, ?, ?, NULL, 'AUTHENTICATED', ?, 1)")
                .params(periodId, stayId, index, 600 + random.nextInt(900))
                .update(reviewKey, "id");
        long reviewId = reviewKey.getKey().longValue();

        // harm events: about 0.45 a stay before the improvement, 0.2 after
        double harmRate = improved ? 0.2 : 0.45;
        int harms = poisson(harmRate, random);
        StringBuilder meaning = new StringBuilder();
        for (int h = 0; h < harms; h++) {
            String[] t = HARM_TRIGGERS[random.nextInt(HARM_TRIGGERS.length)];
            String category = random.nextInt(10) < 7 ? "E" : (random.nextInt(3) < 2 ? "F" : "G");
            Instant at = between(admitted, discharged, random);
            finding(stayId, t[0], t[1], at, now);
            event(reviewId, t[0], t[2], t[3], category, random, now);
            meaning.append(meaning.isEmpty() ? "harm " : ", ").append(category);
        }
        if (random.nextInt(4) == 0) { // a trigger that led nowhere
            String[] t = HARM_TRIGGERS[random.nextInt(HARM_TRIGGERS.length)];
            finding(stayId, t[0], t[1], between(admitted, discharged, random), now);
        }
        for (int k = poisson(0.3, random); k > 0; k--) {
            String[] t = INCIDENT_TRIGGERS[random.nextInt(INCIDENT_TRIGGERS.length)];
            finding(stayId, t[0], t[1], between(admitted, discharged, random), now);
            event(reviewId, t[0], "MH_SAFETY_INCIDENT", t[1] + " on the ward", "", random, now);
        }
        for (int k = poisson(improved ? 0.5 : 0.9, random); k > 0; k--) {
            String[] t = RESTRICTIVE[random.nextInt(RESTRICTIVE.length)];
            finding(stayId, t[0], t[1], between(admitted, discharged, random), now);
        }
        jdbc.sql("INSERT INTO signature (review_id, signer, signer_name, signed_at, meaning) VALUES (?, 'physician',"
                        + " 'Dr Pat Physician (demo)', ?, ?)")
                .params(
                        reviewId,
                        utc(discharged.plusSeconds(14 * 86_400)),
                        "authenticated: " + (meaning.isEmpty() ? "no adverse event" : meaning))
                .update();
    }

    private void finding(long stayId, String code, String name, Instant at, Instant now) {
        jdbc.sql("INSERT INTO finding (stay_id, trigger_code, trigger_name, evidence, occurred_at, ruleset, origin,"
                        + " created_by, created_at) VALUES (?, ?, ?, ?, ?, 'demo-history', 'engine', 'system', ?)")
                .params(stayId, code, name, "synthetic demo history", utc(at), utc(now))
                .update();
    }

    private void event(
            long reviewId,
            String trigger,
            String outcome,
            String description,
            String category,
            SplittableRandom random,
            Instant now) {
        jdbc.sql("INSERT INTO adverse_event (review_id, trigger_code, outcome_class, description, harm_category,"
                        + " present_on_admission, preventability, status, created_by, created_at, version)"
                        + " VALUES (?, ?, ?, ?, ?, FALSE, ?, 'confirmed', 'reviewer', ?, 1)")
                .params(
                        reviewId,
                        trigger,
                        outcome,
                        description,
                        category,
                        List.of("yes", "no", "unknown").get(random.nextInt(3)),
                        utc(now))
                .update();
    }

    private static int poisson(double mean, SplittableRandom random) {
        double limit = Math.exp(-mean);
        double product = random.nextDouble();
        int count = 0;
        while (product > limit) {
            product *= random.nextDouble();
            count++;
        }
        return count;
    }

    private static Instant between(Instant from, Instant to, SplittableRandom random) {
        long seconds = to.getEpochSecond() - from.getEpochSecond();
        return from.plusSeconds((long) (random.nextDouble() * seconds));
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
